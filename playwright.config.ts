import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/browser.ts';
import { KB_BASE, KB_OUT_DIR, KB_PORT } from './tests/e2e/fixture-kb/site.ts';

/**
 * Three built sites: the real knowledge base (dist/, `npm run build`), the small fixture
 * content set (dist-fixture/, `npm run build:fixture`) for behaviour the real content does not
 * exercise, such as deprecated entries, and the same fixture built as a copy under a sub-path
 * (dist-fixture-kb/, served under /kb/, `npm run build:fixture-kb`). `npm test` builds all three first.
 */
const SITE_PORT = 4322;
const FIXTURE_PORT = 4323;
const preview = (outDir: string, port: number, base = '/') => `node scripts/static-server.ts ${outDir} ${port} ${base}`;

export default defineConfig({
  fullyParallel: true,
  workers: 2,
  retries: 0,
  timeout: 60_000,
  reporter: process.env.PLAYWRIGHT_JSON_OUTPUT_NAME ? [['list'], ['json']] : [['list']],
  use: { launchOptions: chromiumLaunchOptions(), trace: 'off' },
  projects: [
    { name: 'site', testDir: 'tests/e2e/site', use: { baseURL: `http://127.0.0.1:${SITE_PORT}` } },
    { name: 'fixture', testDir: 'tests/e2e/fixture', use: { baseURL: `http://127.0.0.1:${FIXTURE_PORT}` } },
    { name: 'fixture-kb', testDir: 'tests/e2e/fixture-kb', use: { baseURL: `http://127.0.0.1:${KB_PORT}` } },
  ],
  webServer: [
    { command: preview('dist', SITE_PORT), url: `http://127.0.0.1:${SITE_PORT}/`, reuseExistingServer: false, timeout: 60_000 },
    { command: preview('dist-fixture', FIXTURE_PORT), url: `http://127.0.0.1:${FIXTURE_PORT}/`, reuseExistingServer: false, timeout: 60_000 },
    { command: preview(KB_OUT_DIR, KB_PORT, KB_BASE), url: `http://127.0.0.1:${KB_PORT}${KB_BASE}`, reuseExistingServer: false, timeout: 60_000 },
  ],
});
