/**
 * npm test — everything CI runs, in order: content validation, type check, unit tests, the
 * production build, and browser tests against it. Ends with one line "N passed, N failed",
 * counting each test of the runners plus each gate step, and exits non-zero on any failure.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { KB_BUILD_ENV, KB_OUT_DIR } from '../tests/e2e/fixture-kb/site.ts';

interface Tally {
  passed: number;
  failed: number;
}
const total: Tally = { passed: 0, failed: 0 };
const failures: string[] = [];
const reports = mkdtempSync(join(tmpdir(), 'bulkhead-test-'));

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n▶ ${label}: ${command} ${args.join(' ')}`);
  const started = performance.now();
  const result = spawnSync(command, args, { stdio: 'inherit', env: { ...process.env, ...env } });
  const ok = result.status === 0;
  console.log(`${ok ? '✓' : '✗'} ${label} (${((performance.now() - started) / 1000).toFixed(1)} s)`);
  return ok;
}

/** A gate step counts as one test. */
function gate(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  const ok = run(label, command, args, env);
  if (ok) total.passed++;
  else {
    total.failed++;
    failures.push(label);
  }
  return ok;
}

/** A test runner contributes its own counts, read from its JSON report. */
function suite(label: string, command: string, args: string[], report: string, count: (json: unknown) => Tally, env: Record<string, string> = {}): void {
  const ok = run(label, command, args, env);
  const tally = existsSync(report) ? count(JSON.parse(readFileSync(report, 'utf8'))) : { passed: 0, failed: 0 };
  if (!ok && tally.failed === 0) tally.failed = 1;
  total.passed += tally.passed;
  total.failed += tally.failed;
  if (tally.failed > 0) failures.push(`${label} (${tally.failed} failed)`);
}

const node = process.execPath;
const bin = (name: string, ...rest: string[]) => [join('node_modules', name), ...rest];

gate('content validation', node, ['scripts/check-content.ts']);
// astro check first: it generates .astro/types.d.ts (astro:content types) that tsc needs on a fresh clone.
gate('Astro check', node, bin('astro/bin/astro.mjs', 'check'));
gate('type check', node, bin('typescript/bin/tsc', '--noEmit', '-p', 'tsconfig.json'));

const vitestReport = join(reports, 'vitest.json');
suite('unit tests', node, bin('vitest/vitest.mjs', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${vitestReport}`), vitestReport, (json) => {
  const report = json as { numPassedTests: number; numFailedTests: number };
  return { passed: report.numPassedTests, failed: report.numFailedTests };
});

const built = gate('site build', node, ['scripts/build.ts']);
const fixtureBuilt = gate('fixture site build', node, ['scripts/build.ts', '--outDir', 'dist-fixture'], { BULKHEAD_CONTENT_DIR: 'tests/fixtures/content' });
// The fixture again as a copy under a sub-path (BULKHEAD_BASE), which the fixture-kb browser tests
// crawl. Its own Astro cache: a different base would otherwise clear the main build's content cache.
const kbBuilt = gate('fixture site build under /kb/', node, ['scripts/build.ts', '--outDir', KB_OUT_DIR], { ...KB_BUILD_ENV, BULKHEAD_ASTRO_CACHE_DIR: 'node_modules/.astro-fixture-kb' });
if (built && fixtureBuilt && kbBuilt) {
  const playwrightReport = join(reports, 'playwright.json');
  suite('browser tests', node, bin('@playwright/test/cli.js', 'test'), playwrightReport, (json) => {
    const stats = (json as { stats: { expected: number; unexpected: number; flaky: number } }).stats;
    return { passed: stats.expected + stats.flaky, failed: stats.unexpected };
  }, { PLAYWRIGHT_JSON_OUTPUT_NAME: playwrightReport });
} else {
  total.failed++;
  failures.push('browser tests (not run: a build failed)');
}

if (failures.length > 0) console.log(`\nFailed: ${failures.join('; ')}`);
console.log(`\n${total.passed} passed, ${total.failed} failed`);
process.exit(total.failed > 0 ? 1 : 0);
