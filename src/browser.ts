import { existsSync } from 'node:fs';

/**
 * The one place that decides which Chromium the project drives (diagram rendering, browser
 * tests, benchmarks). Order: BULKHEAD_CHROMIUM, then a system Chromium, then Playwright's own
 * download (undefined executablePath), so a machine with `npx playwright install` works as usual.
 */
const SYSTEM_CHROMIUM = ['/usr/bin/chromium', '/usr/bin/chromium-browser', '/usr/bin/google-chrome-stable', '/usr/bin/google-chrome'];

export function chromiumExecutable(): string | undefined {
  const fromEnv = process.env.BULKHEAD_CHROMIUM;
  if (fromEnv) {
    if (!existsSync(fromEnv)) throw new Error(`BULKHEAD_CHROMIUM=${fromEnv} does not exist`);
    return fromEnv;
  }
  return SYSTEM_CHROMIUM.find((path) => existsSync(path));
}

/** Flags that keep a headless Chromium quiet on a closed network and inside containers. */
export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];

export function chromiumLaunchOptions(): { executablePath?: string; args: string[] } {
  const executablePath = chromiumExecutable();
  return executablePath ? { executablePath, args: CHROMIUM_ARGS } : { args: CHROMIUM_ARGS };
}
