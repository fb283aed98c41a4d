import { expect, test, type Page } from '@playwright/test';
import { openSearch } from '../search-dialog.ts';
import { KB_BASE } from './site.ts';

/** The search dialog and the 404 page of a copy served under /kb/, in a browser. */

async function openSearchAtBase(page: Page) {
  await page.goto(KB_BASE);
  return openSearch(page);
}

test('an ID typed in the search dialog opens its page under /kb/', async ({ page }) => {
  const fetched: string[] = [];
  page.on('request', (request) => fetched.push(new URL(request.url()).pathname));
  const input = await openSearchAtBase(page);
  await input.fill('BH-R-001');
  const first = page.locator('#bh-search-results').getByRole('option').first();
  await expect(first).toHaveAttribute('href', `${KB_BASE}risks/bh-r-001/`);
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`${KB_BASE}risks/bh-r-001/`);
  await expect(page.getByRole('heading', { level: 1 })).toContainText('Image vulnerabilities');
  expect(fetched).toContain(`${KB_BASE}search/ids.json`);
  expect(fetched.filter((path) => !path.startsWith(KB_BASE)), 'requests outside the base path').toEqual([]);
});

test('full-text results (Pagefind) link to pages under /kb/', async ({ page }) => {
  const input = await openSearchAtBase(page);
  await input.fill('privileged container');
  const options = page.locator('#bh-search-results').getByRole('option');
  await expect(options.first()).toBeVisible({ timeout: 15_000 });
  const hrefs = await options.evaluateAll((items) => items.map((item) => item.getAttribute('href') ?? ''));
  expect(hrefs.length).toBeGreaterThan(0);
  expect(hrefs.filter((href) => !href.startsWith(KB_BASE))).toEqual([]);
  await expect(page.locator('[data-search-page]')).toHaveAttribute('href', `${KB_BASE}search/?q=privileged%20container`);
  await options.first().click();
  await expect(page).toHaveURL(new RegExp(`^http://[^/]+${KB_BASE}`));
  await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
});

test('the 404 page sends a scanner spelling in upper case to the lower-case page under /kb/', async ({ page }) => {
  await page.goto(`${KB_BASE}ref/trivy/KSV-0017/`);
  await expect(page).toHaveURL(`${KB_BASE}ref/trivy/ksv-0017/`);
  await expect(page.locator('[data-ref-id]')).toHaveText('KSV-0017');
});

test('an address outside the site gets the 404 page, with its search form and links under /kb/', async ({ page }) => {
  const response = await page.goto(`${KB_BASE}ref/trivy/ksv999999/`);
  expect(response?.status()).toBe(404);
  await expect(page.getByLabel('Search for the ID or a phrase')).toHaveValue('ksv999999');
  await expect(page.locator('form.notfound-search')).toHaveAttribute('action', `${KB_BASE}search/`);
  await expect(page.getByRole('link', { name: 'All risks' })).toHaveAttribute('href', `${KB_BASE}risks/`);
});
