/**
 * npm run check:content — validates content/ without building the site.
 * Exit status 1 when any problem is found; every problem of the run is listed.
 * Under GitHub Actions the problems are also printed as workflow annotations.
 */
import { fileURLToPath } from 'node:url';
import { renderCounts, renderReport } from '../src/integrity/report.ts';
import { validateContent } from '../src/integrity/validate.ts';
import { renderCoverage, scannerCoverage } from '../src/mappings/coverage.ts';

const rootDir = fileURLToPath(new URL('..', import.meta.url));
const args = process.argv.slice(2);
// --partial skips the content floors, for work in progress; a path validates another content tree (test fixtures).
const partial = args.includes('--partial');
const contentDir = args.find((arg) => !arg.startsWith('--'));
const started = performance.now();
const result = validateContent(rootDir, { contentDir, floors: !contentDir && !partial });
const problems = result.problems;
const seconds = ((performance.now() - started) / 1000).toFixed(2);

// Coverage is printed on every run so a pull request shows how its mappings move the figures.
if (!contentDir) console.log(`Scanner rules answered in content/mappings:\n${renderCoverage(scannerCoverage(result.graph))}`);
if (problems.length > 0) {
  console.error(renderReport(problems, { annotations: process.env.GITHUB_ACTIONS === 'true' }));
  console.error(`\n✗ ${problems.length} problem${problems.length === 1 ? '' : 's'} in content (${renderCounts(result.counts)}; ${seconds} s)`);
  process.exit(1);
}
console.log(`✓ content is valid: ${renderCounts(result.counts)} (${seconds} s)`);
