/**
 * npm run bench:search — figures for the search of the built site (dist/): ID index size,
 * bytes fetched by the first query, and the median time to the first result over 20 queries
 * in headless Chromium. Build first (npm run build).
 */
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../../src/browser.ts';
import { startPreview } from '../serve.ts';

const QUERIES = ['KSV017', 'CVE-2019-5736', 'CAP_SYS_ADMIN', 'C-0057', 'CKV_K8S_16', 'kube-bench 5.2.2', 'T1611', 'MS-TA9013', 'K01:2022', 'NIST 3.4.3', 'privileged container', 'docker socket', 'seccomp profile', 'registry tls', 'image secrets', 'fork bomb', 'release_agent', 'user namespace', 'hostPath', 'BH-R-001'];

const index = readFileSync('dist/search/ids.json');
const server = await startPreview(4391);
const browser = await chromium.launch(chromiumLaunchOptions());
try {
  const page = await browser.newPage();
  let bytes = 0;
  let requests = 0;
  page.on('requestfinished', async (request) => {
    const path = new URL(request.url()).pathname;
    if (path.startsWith('/pagefind/') || path.startsWith('/search/')) {
      requests++;
      const sizes = await request.sizes().catch(() => undefined);
      // Bytes on the wire: gzip-encoded body plus headers.
      if (sizes) bytes += sizes.responseBodySize + sizes.responseHeadersSize;
    }
  });
  await page.goto(`${server.url}/`);
  const times: number[] = [];
  for (const [position, query] of QUERIES.entries()) {
    await page.keyboard.press('Escape');
    await page.keyboard.press('/');
    const input = page.getByRole('combobox', { name: 'Search by ID or words' });
    await input.fill('');
    const started = performance.now();
    await input.fill(query);
    await page.getByRole('option').first().waitFor({ state: 'visible', timeout: 15_000 });
    times.push(performance.now() - started);
    if (position === 0) console.log(`first query (${query}): ${requests} requests, ${(bytes / 1024).toFixed(1)} KiB fetched (compressed as served)`);
  }
  times.sort((a, b) => a - b);
  const median = ((times[9] ?? 0) + (times[10] ?? 0)) / 2;
  console.log(`ID index: ${(index.length / 1024).toFixed(1)} KiB raw, ${(gzipSync(index).length / 1024).toFixed(1)} KiB gzip`);
  console.log(`time to first result over ${QUERIES.length} queries: median ${median.toFixed(0)} ms, max ${(times.at(-1) ?? 0).toFixed(0)} ms`);
} finally {
  await browser.close();
  await server.stop();
}
