import { expect, test, type Browser } from '@playwright/test';
import { graph, sampleRisk, urlOf } from './sample.ts';

/** Sum of the layout shifts not caused by input, as Lighthouse reports CLS, on a page whose scripts arrive late. */
async function layoutShift(browser: Browser, path: string, viewport: { width: number; height: number }, isMobile: boolean): Promise<number> {
  const context = await browser.newContext({ viewport, isMobile });
  const page = await context.newPage();
  await page.addInitScript(() => {
    const state = window as unknown as { layoutShift: number };
    state.layoutShift = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries() as (PerformanceEntry & { value: number; hadRecentInput: boolean })[]) if (!entry.hadRecentInput) state.layoutShift += entry.value;
    }).observe({ type: 'layout-shift', buffered: true });
  });
  // A slow connection: the page paints before its scripts arrive.
  await page.route('**/_astro/*.js', async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });
  await page.goto(path);
  await page.waitForTimeout(1000);
  const shift = await page.evaluate(() => (window as unknown as { layoutShift: number }).layoutShift);
  await context.close();
  return shift;
}

const firstRisk = graph.risks[0] ?? sampleRisk;
/** The pages bench:lighthouse measures, and the sample risk with its diagram. */
const PAGES = [...new Set(['/', urlOf(firstRisk), urlOf(sampleRisk), '/matrices/threats/'])];

for (const path of PAGES) {
  test(`${path} does not move after first paint on a wide screen (Lighthouse desktop)`, async ({ browser }) => {
    expect(await layoutShift(browser, path, { width: 1350, height: 940 }, false)).toBeLessThan(0.01);
  });
  test(`${path} does not move after first paint on a phone`, async ({ browser }) => {
    expect(await layoutShift(browser, path, { width: 412, height: 823 }, true)).toBeLessThan(0.01);
  });
}
