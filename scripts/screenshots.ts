/**
 * npm run screenshots -- [--root dist-fixture] [path ...]: full-page PNGs of built pages at 1440 px
 * and 360 px, light and dark, into screenshots/ (not committed) for review before a page is called
 * done. --root picks another build (default dist/); the server takes any free port.
 */
import { mkdirSync } from 'node:fs';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../src/browser.ts';
import { startPreview } from './serve.ts';

const args = process.argv.slice(2);
const rootFlag = args.indexOf('--root');
const root = rootFlag >= 0 ? (args[rootFlag + 1] ?? 'dist') : 'dist';
const rest = rootFlag >= 0 ? args.filter((_, index) => index !== rootFlag && index !== rootFlag + 1) : args;
const paths = rest.length > 0 ? rest : ['/'];
const server = await startPreview(0, root);
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
        const name = `screenshots/${root === 'dist' ? '' : `${root.replace(/[^a-z0-9]+/gi, '-')}-`}${path.replace(/[^a-z0-9]+/gi, '_') || 'home'}-${width}-${theme}.png`;
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
