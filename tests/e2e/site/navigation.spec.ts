import { expect, test } from '@playwright/test';
import { graph, sampleCheck, sampleMitigation, sampleRisk, sampleStage, urlOf } from './sample.ts';

test('a reader goes from the home page to a stage, a risk, its mitigation and its check', async ({ page }) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Bulkhead');
  await page.locator('.stage-cards').getByRole('link', { name: sampleStage.data.title }).click();
  await expect(page).toHaveURL(urlOf(sampleStage));
  await page.locator('#risks').locator('..').getByRole('link', { name: sampleRisk.data.title, exact: true }).first().click();
  await expect(page).toHaveURL(urlOf(sampleRisk));
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(sampleRisk.data.title);
  await page.locator('#mitigations').locator('..').getByRole('link', { name: sampleMitigation.data.title, exact: true }).click();
  await expect(page).toHaveURL(urlOf(sampleMitigation));
  await page.locator('#verified-by').locator('..').getByRole('link', { name: sampleCheck.data.title, exact: true }).click();
  await expect(page).toHaveURL(urlOf(sampleCheck));
  await expect(page.locator('[data-entry-id]')).toHaveText(sampleCheck.data.id);
});

test('a risk page links to its mitigation, and the mitigation page links back', async ({ page }) => {
  await page.goto(urlOf(sampleRisk));
  const mitigations = page.locator('section[aria-labelledby="mitigations"]');
  for (const mitigation of graph.mitigationsOfRisk(sampleRisk)) {
    await expect(mitigations.getByRole('link', { name: mitigation.data.title, exact: true })).toHaveAttribute('href', urlOf(mitigation));
  }
  await page.goto(urlOf(sampleMitigation));
  await expect(page.locator('section[aria-labelledby="answers"]').getByRole('link', { name: sampleRisk.data.title, exact: true })).toHaveAttribute('href', urlOf(sampleRisk));
});

test('the attack path is an inline SVG with a text alternative', async ({ page }) => {
  await page.goto(urlOf(sampleRisk));
  const svg = page.locator('figure.diagram svg');
  await expect(svg).toHaveCount(1);
  await expect(svg).toHaveAttribute('role', 'img');
  await expect(svg).toHaveAttribute('aria-label', sampleRisk.data.attackPathAlt ?? '');
  await expect(svg.locator('g.node').first()).toBeVisible();
});

test('an old ID redirects to the current page', async ({ page }) => {
  const aliased = graph.idEntries().find((entry) => entry.data.aliases.length > 0);
  const [from, to] = aliased ? [`/${aliased.kind}/${aliased.data.aliases[0]?.toLowerCase()}/`, urlOf(aliased)] : [`/stages/${sampleStage.data.id.toLowerCase()}/`, urlOf(sampleStage)];
  const response = await page.request.get(from);
  const html = await response.text();
  expect(html).toContain(`<link rel="canonical" href="`);
  expect(html).toContain(`url=${to}`);
  await page.goto(from);
  await expect(page).toHaveURL(to);
});

test('an unknown address gets a useful 404 page with search', async ({ page }) => {
  const response = await page.goto('/risks/bh-r-999999/');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Page not found');
  await expect(page.getByLabel('Search for the ID or a phrase')).toHaveValue('bh-r-999999');
});

test('index pages list every entry of their collection', async ({ page }) => {
  await page.goto('/risks/');
  await expect(page.locator('tbody tr')).toHaveCount(graph.risks.length);
  await page.getByLabel('Filter this list').fill(sampleRisk.data.id);
  await expect(page.locator('tbody tr:not([hidden])')).toHaveCount(1);
  await expect(page).toHaveURL(new RegExp(`q=${sampleRisk.data.id}`));
});

test('every entry page links to edit its source file and shows when it last changed', async ({ page }) => {
  await page.goto('/risks/bh-r-001/');
  const history = page.locator('section.history');
  await expect(history).toContainText(/last changed on \d{4}-\d{2}-\d{2}|Last reviewed on \d{4}-\d{2}-\d{2}/);
  await expect(history.getByRole('link', { name: 'Edit this page' })).toHaveAttribute('href', /^https:\/\/github\.com\/[\w-]+\/[\w-]+\/edit\/main\/content\/risks\/bh-r-001-[\w-]+\.mdx$/);
});

for (const [path, source] of [['/guides/bulkhead-check/', 'src/content/docs/guides/bulkhead-check.mdx'], ['/guides/contributing/', 'CONTRIBUTING.md']] as const) {
  test(`the guide ${path} links to edit ${source} and shows when it last changed`, async ({ page }) => {
    await page.goto(path);
    await expect(page.getByRole('link', { name: 'Edit page' })).toHaveAttribute('href', new RegExp(`^https://github\\.com/[\\w-]+/[\\w-]+/edit/main/${source.replaceAll('.', '\\.')}$`));
    await expect(page.getByText(/Last updated:/)).toBeVisible();
  });
}

test('an automated check page says what it reads, shows the command and a reported example, and the CLI guide lists it', async ({ page }) => {
  await page.goto('/checks/bh-ck-002/');
  const section = page.locator('#automated').locator('..');
  await expect(section).toContainText('Automated');
  await expect(section).toContainText('Kubernetes manifest');
  await expect(section).toContainText('npx bulkhead check k8s/');
  await expect(section).toContainText('privileged: true');
  await section.getByRole('link', { name: 'Run the checks with bulkhead check' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Run the checks with bulkhead check');
  await expect(page.getByRole('table', { name: 'Checks that bulkhead check runs' })).toContainText('BH-CK-002');
});
