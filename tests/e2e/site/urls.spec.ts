import { existsSync, readFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { SCANNER_CATALOGS } from '../../../src/catalogs/scanners.ts';
import { refPath, refSegment } from '../../../src/model/urls.ts';
import { SCANNERS } from '../../../src/model/vocabulary.ts';
import { parseLock, publishedUrls, URL_LOCK_FILE } from '../../../src/refs/published-urls.ts';

test('the build still publishes every URL in the lock file', () => {
  expect(existsSync(URL_LOCK_FILE), `${URL_LOCK_FILE} is missing: run npm run urls:lock`).toBe(true);
  const built = new Set(publishedUrls('dist'));
  const missing = parseLock(readFileSync(URL_LOCK_FILE, 'utf8')).filter((url) => !built.has(url));
  expect(missing, 'URLs dropped by this build; add aliases instead of removing pages').toEqual([]);
});

/** What a reader must see on a rule's canonical page: its relation to Bulkhead or why it is out of scope, never a guess. */
function answerProblem(html: string): string | undefined {
  if (html.includes('data-ref-unmapped') || /possibly related|suggested automatically|not yet covered/i.test(html)) return 'no answer, or a guessed one';
  if (html.includes('data-ref-out-of-scope')) return /<h2 id="out-of-scope">[^<]*<\/h2>\s*<p>[^<]{20,}<\/p>/.test(html) ? undefined : 'out of scope without a reason';
  if (!html.includes('data-ref-mapped')) return 'neither mapped nor out of scope';
  return /data-relation="(same|narrower|broader|related)"/.test(html) ? undefined : 'mapped without a relation';
}

for (const scanner of SCANNERS) {
  test(`every ${scanner} rule resolves under every spelling it is printed in, and its page gives the relation or the out-of-scope reason`, async ({ request }) => {
    const spellings = SCANNER_CATALOGS[scanner].rules.flatMap((rule) => [rule.id, ...rule.spellings].map((spelling) => ({ rule, spelling })));
    const failures: string[] = [];
    for (let start = 0; start < spellings.length; start += 25) {
      await Promise.all(
        spellings.slice(start, start + 25).map(async ({ rule, spelling }) => {
          const response = await request.get(`/ref/${scanner}/${refSegment(spelling)}/`);
          const html = await response.text();
          if (response.status() !== 200 || !html.includes(`data-ref-id>${rule.id}<`)) failures.push(`${spelling} → ${response.status()}`);
          const problem = spelling === rule.id ? answerProblem(html) : undefined;
          if (problem) failures.push(`${rule.id}: ${problem}`);
        }),
      );
    }
    expect(failures).toEqual([]);
  });
}

test('a mapped rule page states its relation to each check; an out-of-scope one gives the reason; the map carries both', async ({ page, request }) => {
  type Rule = { canonical: string; url: string; mapped: boolean; status: string; relation?: string; manual: boolean; reason?: string; relations: { check: string; relation: string; difference?: string }[] };
  const rules = Object.values(((await (await request.get('/ref/trivy.json')).json()) as { rules: Record<string, Rule> }).rules);
  expect(rules.every((rule) => rule.status === 'mapped' || (rule.status === 'out-of-scope' && (rule.reason ?? '').length >= 20))).toBe(true);
  const narrower = rules.find((rule) => rule.relations.some((relation) => relation.relation === 'narrower'));
  if (!narrower) throw new Error('expected a Trivy rule that is narrower than its check');
  const link = narrower.relations.find((relation) => relation.relation === 'narrower');
  await page.goto(narrower.url);
  const item = page.locator('[data-ref-relations] li[data-relation="narrower"]').first();
  await expect(item).toContainText('is narrower than');
  await expect(item).toContainText(link?.difference ?? '');
  await expect(item).toContainText('does not mean the check passes');
  expect(refPath('trivy', narrower.canonical)).toBe(narrower.url);
  const kubeBench = Object.values(((await (await request.get('/ref/kube-bench.json')).json()) as { rules: Record<string, Rule> }).rules);
  const manual = kubeBench.find((rule) => rule.manual && rule.status === 'mapped');
  if (!manual) throw new Error('expected a manual kube-bench item');
  await page.goto(manual.url);
  await expect(page.locator('[data-ref-manual]')).toContainText('only prints a note');
});

test('an ID that no catalog has gets the 404 page with the ID search prefilled', async ({ page }) => {
  const response = await page.goto('/ref/trivy/ksv999999/');
  expect(response?.status()).toBe(404);
  await expect(page.getByLabel('Search for the ID or a phrase')).toHaveValue('ksv999999');
});
