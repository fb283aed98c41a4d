/**
 * Runs before every build: diagrams are rendered in Chromium, so make sure there is one.
 * On Debian as root it installs the distribution's chromium; anywhere else it says what to do.
 */
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { chromium } from 'playwright';
import { chromiumExecutable } from '../src/browser.ts';

function playwrightHasOwnChromium(): boolean {
  try {
    return existsSync(chromium.executablePath());
  } catch {
    return false;
  }
}

if (!chromiumExecutable() && !playwrightHasOwnChromium()) {
  const canApt = process.getuid?.() === 0 && existsSync('/usr/bin/apt-get');
  if (!canApt) {
    console.error('Bulkhead needs Chromium to render diagrams and run browser tests. Install one of:\n  Debian/Ubuntu: sudo apt-get install chromium\n  elsewhere:     npx playwright install chromium\nor point BULKHEAD_CHROMIUM at a Chromium binary.');
    process.exit(1);
  }
  console.log('Installing Debian’s chromium (needed to render diagrams and run browser tests)…');
  for (const args of [['update', '-qq'], ['install', '-y', '-qq', 'chromium']]) {
    const result = spawnSync('apt-get', args, { stdio: 'inherit', env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
    if (result.status !== 0) {
      console.error(`apt-get ${args.join(' ')} failed (exit ${result.status}); install chromium by hand or set BULKHEAD_CHROMIUM.`);
      process.exit(1);
    }
  }
  if (!chromiumExecutable()) {
    console.error('chromium was installed but /usr/bin/chromium is missing; set BULKHEAD_CHROMIUM.');
    process.exit(1);
  }
}
