import { defineConfig } from '@playwright/test';
import { chromiumLaunchOptions } from './src/browser.ts';

/**
 * Two built sites: the real knowledge base (dist/, `npm run build`) and the small fixture
 * content set (dist-fixture/, `npm run build:fixture`) for behaviour the real content does not
 * exercise, such as deprecated entries. `npm test` builds both first.
 */
const SITE_PORT = 4322;
const FIXTURE_PORT = 4323;
const preview = (outDir: string, port: number) => `node scripts/static-server.ts ${outDir} ${port}`;

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
  ],
  webServer: [
    { command: preview('dist', SITE_PORT), url: `http://127.0.0.1:${SITE_PORT}/`, reuseExistingServer: false, timeout: 60_000 },
    { command: preview('dist-fixture', FIXTURE_PORT), url: `http://127.0.0.1:${FIXTURE_PORT}/`, reuseExistingServer: false, timeout: 60_000 },
  ],
});
