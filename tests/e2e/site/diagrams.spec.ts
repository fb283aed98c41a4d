import { expect, test, type Page } from '@playwright/test';
import { sampleRisk, urlOf } from './sample.ts';

/** The px size at which the diagram's 16 px labels are drawn, and whether its canvas scrolls. */
async function diagramScale(page: Page) {
  return page.locator('figure.diagram').first().evaluate((figure) => {
    const svg = figure.querySelector('svg');
    const canvas = figure.querySelector('.diagram-canvas');
    const viewBox = svg?.viewBox.baseVal;
    if (!svg || !canvas || !viewBox) throw new Error('no diagram');
    return { labelPx: (svg.getBoundingClientRect().width / viewBox.width) * 16, scrolls: canvas.scrollWidth > canvas.clientWidth, naturalWidth: viewBox.width };
  });
}

test('at 390 px a diagram keeps legible labels and scrolls sideways instead of shrinking', async ({ browser }) => {
  const context = await browser.newContext({ viewport: { width: 390, height: 844 }, isMobile: true });
  const page = await context.newPage();
  await page.goto(urlOf(sampleRisk));
  const { labelPx, scrolls, naturalWidth } = await diagramScale(page);
  expect(labelPx).toBeGreaterThanOrEqual(11.5);
  if (naturalWidth * 0.75 > 390) expect(scrolls).toBe(true);
  // The page itself does not scroll sideways: only the diagram's canvas does.
  expect(await page.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth)).toBe(true);
  await context.close();
});

/** Relative luminance of a CSS colour, 0 (black) to 1 (white). */
function luminance(color: string): number {
  const [r = 0, g = 0, b = 0] = (color.match(/[\d.]+/g) ?? []).map(Number).slice(0, 3).map((channel) => {
    const value = channel / 255;
    return value <= 0.03928 ? value / 12.92 : ((value + 0.055) / 1.055) ** 2.4;
  });
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

for (const theme of ['light', 'dark'] as const) {
  test(`the diagram matches the ${theme} theme`, async ({ page }) => {
    await page.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
    await page.goto(urlOf(sampleRisk));
    const figure = page.locator('figure.diagram').first();
    const colors = await figure.evaluate((element) => {
      const node = element.querySelector('.node rect, .node polygon, .node path');
      const text = element.querySelector('svg text, svg tspan');
      return {
        background: getComputedStyle(element).backgroundColor,
        node: node ? getComputedStyle(node).fill : '',
        text: text ? getComputedStyle(text).fill : '',
      };
    });
    if (theme === 'dark') {
      expect(luminance(colors.background)).toBeLessThan(0.1);
      expect(luminance(colors.node)).toBeLessThan(0.1);
      expect(luminance(colors.text)).toBeGreaterThan(0.6);
    } else {
      expect(luminance(colors.background)).toBeGreaterThan(0.9);
      expect(luminance(colors.text)).toBeLessThan(0.1);
    }
  });
}
