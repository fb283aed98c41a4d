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

/** Where the page's blocks stand when only the HTML before `marker` has arrived, and when all of it has. */
async function positionsWhenCutAt(browser: Browser, path: string, marker: string, selectors: string[]): Promise<{ partial: number[]; full: number[] }> {
  const measure = async (cut: boolean) => {
    const context = await browser.newContext({ viewport: { width: 1350, height: 940 } });
    const page = await context.newPage();
    await page.route(`**${path}`, async (route) => {
      const response = await route.fetch();
      const html = await response.text();
      await route.fulfill({ response, body: cut ? html.slice(0, html.indexOf(marker)) : html });
    });
    await page.goto(path);
    const xs = await page.evaluate((list) => list.map((selector) => document.querySelector(selector)?.getBoundingClientRect().x ?? -1), selectors);
    await context.close();
    return xs;
  };
  return { partial: await measure(true), full: await measure(false) };
}

test(`${urlOf(sampleRisk)}: the "On this page" column stands where it ends up before the content has arrived`, async ({ browser }) => {
  // A slow connection can paint the page while the HTML stops between this column and the content.
  const { partial, full } = await positionsWhenCutAt(browser, urlOf(sampleRisk), '<div class="main-pane', ['.right-sidebar-container']);
  expect(partial).toEqual(full);
  expect(full[0]).toBeGreaterThan(900);
});
