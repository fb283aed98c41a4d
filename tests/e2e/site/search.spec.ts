import AxeBuilder from '@axe-core/playwright';
import { expect, test, type Page } from '@playwright/test';
import { buildRefRecords } from '../../../src/refs/records.ts';
import { identifiersInContent } from '../../../src/search/build-index.ts';
import { graph, sampleRisk, urlOf } from './sample.ts';

const cases = identifiersInContent(graph, buildRefRecords(graph));
/** One real identifier of every kind the content mentions. */
const samples = [...new Map(cases.map((testCase) => [testCase.kind, testCase])).values()];

async function openSearch(page: Page) {
  await page.keyboard.press('/');
  const input = page.getByRole('combobox', { name: 'Search by ID or words' });
  await expect(input).toBeFocused();
  return input;
}

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
    await expect(page.getByRole('option').first()).toHaveAttribute('data-url', sample.expectedUrl);
  });
}

test('a scanner ID result names the risk and check it maps to', async ({ page }) => {
  const scannerCase = cases.find((testCase) => testCase.kind === 'trivy rule' || testCase.kind === 'kubescape rule' || testCase.kind === 'checkov rule');
  test.skip(!scannerCase, 'the content maps no Trivy, Kubescape or Checkov rule');
  await page.goto('/');
  const input = await openSearch(page);
  await input.fill(scannerCase?.query ?? '');
  await expect(page.getByRole('option').nth(1)).toHaveClass(/search-related-option/);
  await expect(page.getByRole('option').nth(1)).toContainText(/maps to\s+BH-/);
});

test('arrow keys move through results and Enter opens the active one', async ({ page }) => {
  await page.goto('/');
  const input = await openSearch(page);
  await input.fill(sampleRisk.data.id);
  await expect(page.getByRole('option').first()).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await expect(page.getByRole('option').first()).toHaveAttribute('aria-selected', 'true');
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
    const options = page.getByRole('option');
    await expect(options.first()).toBeVisible({ timeout: 10_000 });
    const hrefs = (await options.evaluateAll((items) => items.map((item) => item.getAttribute('data-url') ?? ''))).slice(0, 5);
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
  await expect(page.getByRole('option').first()).toBeVisible();
  const results = await new AxeBuilder({ page }).include('dialog').analyze();
  expect(results.violations.map((violation) => violation.id)).toEqual([]);
});
