import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { buildRefRecords } from '../../../src/refs/records.ts';
import { identifiersInContent } from '../../../src/search/build-index.ts';
import { openSearch } from '../search-dialog.ts';
import { graph, sampleRisk, urlOf } from './sample.ts';

const cases = identifiersInContent(graph, buildRefRecords(graph));
/** One real identifier of every kind the content mentions. */
const samples = [...new Map(cases.map((testCase) => [testCase.kind, testCase])).values()];

test('search opens with / and Ctrl+K and fetches nothing before it is used', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  await page.goto('/');
  expect(fetched.filter((path) => path.startsWith('/pagefind/') || path === '/search/ids.json')).toEqual([]);
  await openSearch(page);
  await page.keyboard.press('Escape');
  await page.keyboard.press('Control+k');
  await expect(page.getByRole('combobox', { name: 'Search by ID or words' })).toBeFocused();
  await page.keyboard.type('K');
  await expect.poll(() => fetched.includes('/search/ids.json')).toBe(false);
  await page.keyboard.type('S');
  await expect.poll(() => fetched.includes('/search/ids.json')).toBe(true);
});

for (const sample of samples) {
  test(`an exact ${sample.kind} (${sample.query}) puts its own page first`, async ({ page }) => {
    await page.goto('/');
    const input = await openSearch(page);
    await input.fill(sample.query);
    await expect(page.locator('#bh-search-results').getByRole('option').first()).toHaveAttribute('href', sample.expectedUrl);
  });
}

test('a scanner ID result names the risk and check it maps to', async ({ page }) => {
  const scannerCase = cases.find((testCase) => testCase.kind === 'trivy rule' || testCase.kind === 'kubescape rule' || testCase.kind === 'checkov rule');
  test.skip(!scannerCase, 'the content maps no Trivy, Kubescape or Checkov rule');
  await page.goto('/');
  const input = await openSearch(page);
  await input.fill(scannerCase?.query ?? '');
  await expect(page.locator('#bh-search-results').getByRole('option').nth(1)).toHaveClass(/search-related-option/);
  await expect(page.locator('#bh-search-results').getByRole('option').nth(1)).toContainText(/maps to\s+BH-/);
});

test('arrow keys move through results, the active one stays active when full text arrives, and Enter opens it', async ({ page }) => {
  // Full text is held back until the reader has moved, the order a slow connection gives.
  let releaseFullText = () => {};
  const fullTextHeld = new Promise<void>((resolve) => { releaseFullText = resolve; });
  await page.route('**/pagefind/**', async (route) => {
    await fullTextHeld;
    await route.continue();
  });
  await page.goto('/');
  const input = await openSearch(page);
  const options = page.locator('#bh-search-results').getByRole('option');
  await input.fill(sampleRisk.data.id);
  await expect(options.first()).toHaveAttribute('href', urlOf(sampleRisk));
  await page.keyboard.press('ArrowDown');
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  const optionCount = await options.count();
  releaseFullText();
  await expect.poll(() => options.count()).toBeGreaterThan(optionCount);
  await expect(options.first()).toHaveAttribute('aria-selected', 'true');
  await expect(input).toHaveAttribute('aria-activedescendant', 'bh-search-option-0');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(urlOf(sampleRisk));
});

const STAGE_QUERIES: Record<string, string> = {
  image: 'secrets in image layers',
  registry: 'registry authentication',
  orchestration: 'network segmentation between pods',
  container: 'privileged container',
  host: 'kernel exploit',
};

for (const [stage, query] of Object.entries(STAGE_QUERIES)) {
  test(`the ${stage} stage: "${query}" finds an entry of that stage in the top 5`, async ({ page }) => {
    const stageUrls = new Set([...graph.risks.filter((risk) => risk.data.stage === stage), ...graph.risks.filter((risk) => risk.data.stage === stage).flatMap((risk) => graph.mitigationsOfRisk(risk))].map(urlOf));
    await page.goto('/');
    const input = await openSearch(page);
    await input.fill(query);
    const options = page.locator('#bh-search-results').getByRole('option');
    await expect(options.first()).toBeVisible({ timeout: 15_000 });
    const hrefs = (await options.evaluateAll((items) => items.map((item) => item.getAttribute('href') ?? ''))).slice(0, 5);
    expect(hrefs.some((href) => stageUrls.has(href)), `top 5: ${hrefs.join(', ')}`).toBe(true);
  });
}

test('facets narrow the search page and the URL restores the view', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('privileged')}&type=Check`);
  await expect(page.getByLabel('Identifier or words')).toHaveValue('privileged');
  await expect(page.getByLabel('Type')).toHaveValue('Check');
  const kinds = page.locator('#search-page-results .search-kind');
  await expect(kinds.first()).toBeVisible({ timeout: 10_000 });
  expect(new Set(await kinds.allTextContents())).toEqual(new Set(['Check']));
  await page.getByLabel('Stage').selectOption('host');
  await expect(page).toHaveURL(/stage=host/);
  await page.getByLabel('Type').selectOption('');
  await expect(page).not.toHaveURL(/type=/);
});

test('the open search dialog has no axe violations', async ({ page }) => {
  await page.goto('/');
  const input = await openSearch(page);
  await input.fill(sampleRisk.data.id);
  await expect(page.locator('#bh-search-results').getByRole('option').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});

/** The result links of the open dialog, in order. */
async function resultUrls(page: Page): Promise<string[]> {
  const options = page.locator('#bh-search-results').getByRole('option');
  await expect(options.first()).toBeVisible({ timeout: 15_000 });
  return options.evaluateAll((items) => items.map((item) => item.getAttribute('href') ?? ''));
}

test('every result is a real link: it opens in a new tab, and Enter still opens the active one', async ({ page, context }) => {
  await page.goto('/');
  const input = await openSearch(page);
  await input.fill('privileged container');
  const first = page.locator('#bh-search-results').getByRole('option').first();
  await expect(first).toBeVisible({ timeout: 10_000 });
  expect(await first.evaluate((element) => element.tagName)).toBe('A');
  const href = await first.getAttribute('href');
  expect(href).toMatch(/^\//);
  const [opened] = await Promise.all([context.waitForEvent('page'), first.click({ modifiers: ['Control'] })]);
  await opened.waitForLoadState();
  expect(new URL(opened.url()).pathname).toBe(href);
  await opened.close();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(href ?? '');
});

test('the search page lists links too', async ({ page }) => {
  await page.goto(`/search/?q=${encodeURIComponent('privileged container')}`);
  const first = page.locator('#search-page-results [role="option"]').first();
  await expect(first).toBeVisible({ timeout: 10_000 });
  expect(await first.evaluate((element) => element.tagName)).toBe('A');
  await expect(first).toHaveAttribute('href', /^\//);
});

for (const query of ['runc escape', 'image signing', 'registry TLS']) {
  test(`"${query}" is words, not an identifier: no exact-ID group`, async ({ page }) => {
    await page.goto('/');
    const input = await openSearch(page);
    await input.fill(query);
    await expect(page.locator('.search-group').first()).toBeVisible({ timeout: 10_000 });
    await expect(page.locator('.search-group', { hasText: 'Exact ID match' })).toHaveCount(0);
    await expect(page.locator('.search-exact')).toHaveCount(0);
  });
}

test('an identifier gets the exact-ID group', async ({ page }) => {
  await page.goto('/');
  const input = await openSearch(page);
  await input.fill('KSV017');
  await expect(page.locator('.search-group', { hasText: 'Exact ID match' })).toBeVisible();
});

/** Plain-language queries from issue 18, and the entry each must find near the top. */
const PLAIN_QUERIES: { query: string; expected: string; top: number }[] = [
  { query: 'old images left in the registry', expected: '/risks/bh-r-021/', top: 5 },
  { query: 'limit number of processes in a container', expected: '/risks/bh-r-062/', top: 5 },
  { query: 'runc escape', expected: '/incidents/bh-in-001/', top: 10 },
  { query: 'CAP_SYS_ADMIN', expected: '/risks/bh-r-054/', top: 10 },
];

for (const { query, expected, top } of PLAIN_QUERIES) {
  test(`"${query}" finds ${expected} in the top ${top}`, async ({ page }) => {
    test.skip(!graph.idEntries().some((entry) => urlOf(entry) === expected), `${expected} is not in the content`);
    await page.goto('/');
    const input = await openSearch(page);
    await input.fill(query);
    await expect.poll(async () => (await resultUrls(page)).slice(0, top + (await page.locator('.search-exact, .search-related-option').count())), { timeout: 10_000 }).toContain(expected);
  });
}

test('Esc clears the query first, closes the dialog second, and focus returns to the search button', async ({ page }) => {
  await page.goto('/');
  const input = await openSearch(page);
  await input.fill('privileged');
  await page.keyboard.press('Escape');
  await expect(input).toHaveValue('');
  await expect(page.locator('dialog.search-dialog')).toHaveAttribute('open', '');
  await page.keyboard.press('Escape');
  await expect(page.locator('dialog.search-dialog')).not.toHaveAttribute('open', '');
  await expect(page.locator('[data-search-open]')).toBeFocused();
  await page.locator('[data-search-open]').click();
  await expect(input).toBeFocused();
  await page.getByRole('button', { name: 'Close' }).click();
  await expect(page.locator('[data-search-open]')).toBeFocused();
});

test('excerpts come from the prose, not the metadata of a page', async ({ page }) => {
  await page.goto('/');
  const input = await openSearch(page);
  await input.fill('privileged container host devices');
  const excerpts = page.locator('#bh-search-results .search-excerpt');
  await expect(excerpts.first()).toBeVisible({ timeout: 15_000 });
  for (const excerpt of await excerpts.allTextContents()) expect(excerpt).not.toMatch(/Risk ID|Check ID|Reviewed\s*\d{4}|as published on|Edit this page/);
});
