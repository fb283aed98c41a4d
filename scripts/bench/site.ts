/**
 * npm run bench:site — builds the real site and prints: pages, build seconds, and for the home
 * page, a risk page and a matrix page the bytes transferred on first load (gzip as served) and
 * the requests made to any host other than the site (budget: 0). Budget: a risk page at most
 * 30 KiB on first load without search, headers included; search code is fetched only when search
 * opens.
 */
import { spawnSync } from 'node:child_process';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../src/browser.ts';
import { publishedUrls } from '../../src/refs/published-urls.ts';
import { benchmarkPages } from './pages.ts';
import { startPreview } from '../serve.ts';

const skipBuild = process.argv.includes('--no-build');
let buildSeconds = Number.NaN;
if (!skipBuild) {
  const started = performance.now();
  const build = spawnSync(process.execPath, ['scripts/build.ts'], { stdio: ['ignore', 'ignore', 'inherit'] });
  buildSeconds = (performance.now() - started) / 1000;
  if (build.status !== 0) {
    console.error('build failed');
    process.exit(1);
  }
}
const pages = publishedUrls('dist').filter((url) => url.endsWith('/')).length;
const targets = benchmarkPages();

const server = await startPreview(4392);
const browser = await chromium.launch(chromiumLaunchOptions());
const rows: string[] = [];
let riskKiB = Number.NaN;
try {
  for (const { name, path } of targets) {
    const context = await browser.newContext();
    const page = await context.newPage();
    let bytes = 0;
    let requests = 0;
    let foreign = 0;
    let searchCode = 0;
    page.on('requestfinished', async (request) => {
      const url = new URL(request.url());
      if (url.host !== new URL(server.url).host) foreign++;
      if (url.pathname.startsWith('/pagefind/') || url.pathname === '/search/ids.json') searchCode++;
      const sizes = await request.sizes().catch(() => undefined);
      if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
      requests++;
    });
    page.on('requestfailed', (request) => {
      if (new URL(request.url()).host !== new URL(server.url).host) foreign++;
    });
    await page.goto(`${server.url}${path}`, { waitUntil: 'networkidle' });
    if (name === 'risk page') riskKiB = bytes / 1024;
    rows.push(`${name.padEnd(12)} ${path.padEnd(28)} ${(bytes / 1024).toFixed(1).padStart(7)} KiB  ${String(requests).padStart(3)} requests  ${foreign} to other hosts  ${searchCode} search files`);
    await context.close();
  }
} finally {
  await browser.close();
  await server.stop();
}
console.log(`pages: ${pages}${skipBuild ? '' : `, build: ${buildSeconds.toFixed(1)} s`}`);
console.log('first load, no search used (gzip as served):');
for (const row of rows) console.log(`  ${row}`);
console.log(`budget: risk page ≤ 30 KiB with headers: ${riskKiB <= 30 ? 'met' : 'OVER'} (${riskKiB.toFixed(1)} KiB)`);
