/**
 * npm run screenshots -- [path ...]: full-page PNGs of built pages at 1440 px and 360 px, light
 * and dark, into screenshots/ (not committed) for review before a page is called done.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../src/browser.ts';
import { startPreview } from './serve.ts';

const paths = process.argv.slice(2).length > 0 ? process.argv.slice(2) : ['/'];
const server = await startPreview(4399);
const browser = await chromium.launch(chromiumLaunchOptions());
mkdirSync('screenshots', { recursive: true });
try {
  for (const path of paths) {
    for (const width of [1440, 360]) {
      for (const theme of ['light', 'dark'] as const) {
        const context = await browser.newContext({ viewport: { width, height: 900 }, colorScheme: theme });
        await context.addInitScript((value) => localStorage.setItem('starlight-theme', value), theme);
        const page = await context.newPage();
        await page.goto(`${server.url}${path}`);
        const name = `screenshots/${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${width}-${theme}.png`;
        await page.screenshot({ path: name, fullPage: true });
        console.log(name);
        await context.close();
      }
    }
  }
} finally {
  await browser.close();
  await server.stop();
}
