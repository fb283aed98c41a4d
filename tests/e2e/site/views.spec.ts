import { expect, test } from '@playwright/test';
import { coverageMatrix, splitByAutomation } from '../../../src/matrices/builders.ts';
import { scannersRunBy } from '../../../src/matrices/scanner-use.ts';
import { SCANNER_LABELS, SCANNERS } from '../../../src/model/vocabulary.ts';
import { graph, sampleRisk, urlOf } from './sample.ts';

const noAutomated = graph.risks.filter((risk) => splitByAutomation(graph.checksOfRisk(risk)).automated.length === 0);

test('coverage: automated and manual checks per risk, and "no automated check" as a filter', async ({ page }) => {
  await page.goto('/matrices/coverage/');
  const headers = (await page.locator('table.matrix thead th').allTextContents()).map((text) => text.trim());
  expect(headers).toEqual(coverageMatrix(graph).columns);
  await expect(page.locator('[data-matrix-total]')).toHaveText(`${graph.risks.length} ${graph.risks.length === 1 ? 'risk' : 'risks'}`);
  // The counts of one risk, against the graph.
  const { automated, manual } = splitByAutomation(graph.checksOfRisk(sampleRisk));
  const row = page.locator('table.matrix tbody tr', { has: page.locator(`a[href="${urlOf(sampleRisk)}"]`) });
  await expect(row.locator('td').nth(3)).toHaveText(String(automated.length));
  await expect(row.locator('td').nth(4)).toHaveText(String(manual.length));
  await page.getByLabel('Verification').selectOption('no-automated');
  await expect(page).toHaveURL(/automation=no-automated/);
  const rows = page.locator('table.matrix tbody tr:not([hidden])');
  await expect(rows).toHaveCount(noAutomated.length);
  await expect(page.locator('[data-matrix-count]')).toHaveText(`${noAutomated.length} of ${graph.risks.length} risks`);
  for (const risk of noAutomated) await expect(rows.locator(`a[href="${urlOf(risk)}"]`).first()).toBeVisible();
  await expect(rows.locator('td:last-child', { hasText: /^automated$/ })).toHaveCount(0);
});

test('Check × scanner: rules carry their relation, a check that runs a scanner says so, and the legend matches the cells', async ({ page }) => {
  await page.goto('/matrices/scanners/');
  const caption = page.locator('.matrix-caption');
  await expect(caption).toContainText('"—" means');
  await expect(caption).not.toContainText('empty cell');
  await expect(page.locator('table.matrix .relation').first()).toHaveText(/^\((same|narrower|broader|related)(, manual)?\)$/);
  for (const check of graph.checks) {
    for (const scanner of scannersRunBy(check.data.command)) {
      const row = page.locator('table.matrix tbody tr', { has: page.locator(`th a[href="${urlOf(check)}"]`) });
      const cell = row.locator('td').nth(SCANNERS.indexOf(scanner));
      await expect(cell, `${check.data.id} runs ${scanner}`).not.toHaveText('—none');
      if ((await cell.locator('a').count()) === 0) await expect(cell).toHaveText(`runs ${SCANNER_LABELS[scanner]}`);
    }
  }
});

test('the crosswalk and the risk page name editions in words and each OWASP item once', async ({ page }) => {
  await page.goto('/matrices/frameworks/');
  await expect(page.locator('.editions')).not.toContainText(/cited as|mitre\/cti|[0-9a-f]{7} \(/);
  const risk = graph.risks.find((candidate) => candidate.data.frameworks.owaspK8s.length > 1) ?? sampleRisk;
  await page.goto(urlOf(risk));
  const table = page.locator('section[aria-labelledby="frameworks"]');
  await expect(table).not.toContainText('cited as');
  await expect(table).not.toContainText('mitre/cti');
  const names = await table.locator('tbody td:nth-child(3)').allTextContents();
  expect(new Set(names).size, names.join(' | ')).toBe(names.length);
});

test('labels: one H1 on Contributing, every matrix on the home page, no severity on a mitigation, stage names as the pages say them', async ({ page }) => {
  await page.goto('/guides/contributing/');
  await expect(page.locator('h1')).toHaveCount(1);
  await page.goto('/');
  await expect(page.locator('#matrices + p a[href^="/matrices/"]')).toHaveCount(6);
  await expect(page.locator('.stat-row')).not.toContainText('runnable');
  const mitigation = graph.mitigations[0];
  if (mitigation) {
    await page.goto(urlOf(mitigation));
    await expect(page.locator('.entry-meta')).not.toContainText('Severity');
  }
  for (const stage of graph.stages) {
    await page.goto(urlOf(stage));
    await expect(page.locator('h1')).toHaveText(stage.data.title);
    await expect(page.locator('nav.sidebar').getByRole('link', { name: `${stage.data.order} · ${stage.data.title}`, exact: true })).toHaveAttribute('href', urlOf(stage));
  }
  await page.goto('/matrices/threats/');
  await expect(page.locator('.matrix-tools')).toContainText(`${graph.risks.length} risks. Download: CSV`);
  await expect(page.locator('.matrix-tools')).toContainText('· all matrices');
});

test('a risk page links the scanner IDs of its Detection section and leaves empty sections out', async ({ page }) => {
  const risk = graph.risks.find((candidate) => candidate.data.id === 'BH-R-001') ?? sampleRisk;
  await page.goto(urlOf(risk));
  const detection = page.locator('h2#detection ~ ul').first();
  const links = detection.locator('a.scanner-id');
  expect(await links.count()).toBeGreaterThan(0);
  for (const href of await links.evaluateAll((items) => items.map((item) => item.getAttribute('href') ?? ''))) {
    expect(href).toMatch(/^\/ref\/[a-z-]+\/[^/]+\/$/);
    expect((await page.request.get(href)).status(), href).toBe(200);
  }
  const bare = graph.risks.find((candidate) => graph.incidentsOf(candidate).length === 0 || graph.conceptsOf(candidate).length === 0);
  if (bare) {
    await page.goto(urlOf(bare));
    await expect(page.locator('main')).not.toContainText(/No incident is linked|No concept page is linked|None yet/);
    if (graph.incidentsOf(bare).length === 0) await expect(page.locator('#incidents')).toHaveCount(0);
    if (graph.conceptsOf(bare).length === 0) await expect(page.locator('#concepts')).toHaveCount(0);
  }
});

test('a concept with many identifiers folds them away', async ({ page }) => {
  const concept = graph.concepts.find((candidate) => candidate.data.identifiers.length > 12);
  test.skip(!concept, 'no concept has that many identifiers');
  if (!concept) return;
  await page.goto(urlOf(concept));
  await expect(page.locator('details.identifier-list summary')).toContainText('Identifiers explained here');
  await expect(page.locator('details.identifier-list code.tag').first()).toBeHidden();
});

test('an upper-case /ref/ address goes to the lower-case page; a malformed escape gets the 404 page without an error', async ({ page }) => {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  await page.goto('/ref/trivy/KSV017/');
  await expect(page).toHaveURL(/\/ref\/trivy\/ksv017\/$/);
  await expect(page.locator('[data-ref-id]')).toHaveText('KSV-0017');
  await page.goto(`/risks/${sampleRisk.data.id}/`);
  await expect(page).toHaveURL(urlOf(sampleRisk));
  const response = await page.goto('/ref/trivy/%E0%A4%A/');
  expect(response?.status()).toBe(404);
  await expect(page.getByLabel('Search for the ID or a phrase')).toHaveValue('%E0%A4%A');
  await page.goto('/ref/trivy/NO-SUCH-RULE/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await page.waitForTimeout(500);
  await expect(page).toHaveURL(/NO-SUCH-RULE/);
  expect(errors).toEqual([]);
});

test('the logo is visible on the dark header', async ({ page }) => {
  await page.addInitScript(() => localStorage.setItem('starlight-theme', 'dark'));
  await page.goto('/');
  await expect(page.locator('.site-title img')).toHaveCSS('filter', 'invert(1)');
});

test('a check\'s command wraps instead of scrolling, and its flags stay whole', async ({ page }) => {
  const check = graph.checks.find((candidate) => /\s--[a-z]/.test(candidate.data.command) && candidate.data.command.length > 80);
  test.skip(!check, 'no check has a long command with a flag');
  if (!check) return;
  await page.setViewportSize({ width: 390, height: 844 });
  await page.goto(urlOf(check));
  const pre = page.locator('section[aria-labelledby="run"] .expressive-code pre').first();
  await expect(pre).toHaveClass(/wrap/);
  expect(await pre.evaluate((element) => element.scrollWidth <= element.clientWidth + 1)).toBe(true);
  const flags = pre.locator('span.nowrap');
  expect(await flags.count()).toBeGreaterThan(0);
  for (const flag of await flags.all()) expect(await flag.evaluate((element) => element.getClientRects().length), await flag.textContent() ?? '').toBe(1);
});

test('the "automated" pill stands apart from the link before it', async ({ page }) => {
  const risk = graph.risks.find((candidate) => graph.checksOfRisk(candidate).some((check) => check.automation));
  test.skip(!risk, 'no risk has an automated check');
  await page.goto(urlOf(risk ?? sampleRisk));
  const pill = page.locator('.entry-table .tag-ok').first();
  const gap = await pill.evaluate((element) => element.getBoundingClientRect().left - (element.previousElementSibling?.getBoundingClientRect().right ?? 0));
  expect(gap).toBeGreaterThan(3);
});

test('on a phone a code frame\'s title stays clear of the window dots', async ({ page }) => {
  const check = graph.checks.find((candidate) => candidate.automation);
  test.skip(!check, 'no automated check');
  if (!check) return;
  await page.setViewportSize({ width: 360, height: 800 });
  await page.goto(urlOf(check));
  for (const header of await page.locator('.expressive-code .frame.is-terminal .header').all()) {
    const gap = await header.evaluate((element) => {
      const title = element.querySelector('.title');
      const dotsEnd = element.getBoundingClientRect().left + 16 + 2.1 * 16;
      return title ? title.getBoundingClientRect().left - dotsEnd : 100;
    });
    expect(gap).toBeGreaterThan(0);
  }
});

for (const id of ['threats', 'coverage', 'scanners']) {
  test(`on a phone the ${id} matrix scrolls inside its box and never widens the page`, async ({ page }) => {
    await page.setViewportSize({ width: 360, height: 800 });
    await page.goto(`/matrices/${id}/`);
    // Visually hidden labels in cells and long filter options once pushed the page to 649 px.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(360);
    if (id === 'threats') expect(await page.locator('.matrix-scroll').evaluate((element) => element.scrollWidth > element.clientWidth)).toBe(true);
  });
}

test('the threat matrix keeps its stage columns equal and its width when a filter hides columns', async ({ page }) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await page.goto('/matrices/threats/?stage=orchestration');
  const visible = page.locator('table.matrix thead th:not([hidden])');
  await expect(visible).toHaveCount(2);
  const tableWidth = await page.locator('table.matrix').evaluate((table) => table.getBoundingClientRect().width);
  const stageWidth = await visible.nth(1).evaluate((cell) => cell.getBoundingClientRect().width);
  // The one remaining stage takes the table's width but the rank column, not a fifth of it.
  expect(stageWidth).toBeGreaterThan(tableWidth * 0.8);
});
