import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';
import { sampleCheck, sampleConcept, sampleIncident, sampleMitigation, sampleRisk, sampleSource, sampleStage, urlOf } from './sample.ts';

const PAGES: Record<string, string> = {
  home: '/',
  stage: urlOf(sampleStage),
  risk: urlOf(sampleRisk),
  mitigation: urlOf(sampleMitigation),
  check: urlOf(sampleCheck),
  concept: urlOf(sampleConcept),
  incident: urlOf(sampleIncident),
  source: `/sources/${sampleSource.data.key}/`,
  'risk index': '/risks/',
  'reference page': '/ref/trivy/ksv017/',
  'not found': '/no-such-page/',
};

for (const theme of ['light', 'dark'] as const) {
  for (const [name, path] of Object.entries(PAGES)) {
    test(`${name} page has no axe violations in ${theme} mode`, async ({ page }) => {
      await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
      await page.emulateMedia({ colorScheme: theme });
      await page.goto(path);
      await expect(page.locator('html')).toHaveAttribute('data-theme', theme);
      // Expressive Code makes overflowing code blocks keyboard-scrollable from a debounced script;
      // a reader gets that within a moment, so wait for it rather than race it on a busy machine.
      await page.waitForFunction(() => [...document.querySelectorAll('.expressive-code pre')].every((pre) => pre.scrollWidth <= pre.clientWidth || pre.hasAttribute('tabindex')));
      const results = await new AxeBuilder({ page }).analyze();
      expect(results.violations.map((violation) => `${violation.id}: ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`)).toEqual([]);
    });
  }
}
