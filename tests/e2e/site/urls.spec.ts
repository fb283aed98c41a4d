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

for (const scanner of SCANNERS) {
  test(`every ${scanner} rule resolves under every spelling it is printed in`, async ({ request }) => {
    const spellings = SCANNER_CATALOGS[scanner].rules.flatMap((rule) => [rule.id, ...rule.spellings].map((spelling) => ({ rule, spelling })));
    const failures: string[] = [];
    for (let start = 0; start < spellings.length; start += 25) {
      await Promise.all(
        spellings.slice(start, start + 25).map(async ({ rule, spelling }) => {
          const response = await request.get(`/ref/${scanner}/${refSegment(spelling)}/`);
          const html = await response.text();
          if (response.status() !== 200 || !html.includes(`data-ref-id>${rule.id}<`)) failures.push(`${spelling} → ${response.status()}`);
        }),
      );
    }
    expect(failures).toEqual([]);
  });
}

test('a mapped rule page names the risk, mitigation and check; an unmapped one says so', async ({ page, request }) => {
  const map = (await (await request.get('/ref/trivy.json')).json()) as { rules: Record<string, { canonical: string; url: string; mapped: boolean }> };
  const mapped = Object.values(map.rules).find((rule) => rule.mapped);
  const unmapped = Object.values(map.rules).find((rule) => !rule.mapped);
  if (!mapped || !unmapped) throw new Error('expected both mapped and unmapped Trivy rules');
  await page.goto(mapped.url);
  await expect(page.locator('[data-ref-mapped] h3')).toContainText(['Risks', 'Mitigations', 'Checks']);
  await page.goto(unmapped.url);
  await expect(page.getByRole('heading', { name: 'Not yet covered' })).toBeVisible();
  await expect(page.locator('[data-ref-unmapped]')).toContainText('npm run check:content');
  expect(refPath('trivy', unmapped.canonical)).toBe(unmapped.url);
});

test('an ID that no catalog has gets the 404 page with the ID search prefilled', async ({ page }) => {
  const response = await page.goto('/ref/trivy/ksv999999/');
  expect(response?.status()).toBe(404);
  await expect(page.getByLabel('Search for the ID or a phrase')).toHaveValue('ksv999999');
});
