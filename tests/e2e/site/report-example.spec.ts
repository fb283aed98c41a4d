import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

// dist/examples/report.html is written by scripts/build.ts with `bulkhead report` on the fixture
// system (tests/fixtures/report/system) and two real-format scanner reports.
for (const theme of ['light', 'dark'] as const) {
  test(`the example HTML report is self-contained and has no axe violations in ${theme} mode`, async ({ page }) => {
    const external: string[] = [];
    page.on('request', (request) => {
      const url = new URL(request.url());
      if (url.hostname !== '127.0.0.1') external.push(request.url());
    });
    await page.emulateMedia({ colorScheme: theme });
    await page.goto('/examples/report.html');
    await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
    // Statuses, a merged row and the ranked mitigations are what a reader comes for.
    await expect(page.locator('body')).toContainText(/present/i);
    await expect(page.locator('body')).toContainText('BH-CK-002');
    await expect(page.locator('body')).toContainText('KSV-0017');
    const results = await new AxeBuilder({ page }).analyze();
    expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    expect(external).toEqual([]);
  });
}

test('the guide links to the example report', async ({ page }) => {
  await page.goto('/guides/bulkhead-check/');
  await page.getByRole('link', { name: 'An example report' }).click();
  await expect(page).toHaveURL(/\/examples\/report\.html$/);
});
