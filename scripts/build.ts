/**
 * npm run build — `astro build`, then the Pagefind search index as a step of its own.
 *
 * Starlight can index inside the Astro process, but Astro still holds its whole build there, so
 * Pagefind's memory (1.7 GB at 5,000 risks) came on top of Astro's peak (6.1 GB in total). Run
 * after Astro has exited, the two never add up. Arguments go to `astro build` (`--outDir X`).
 */
import { spawnSync } from 'node:child_process';
import { join, resolve } from 'node:path';
import * as pagefind from 'pagefind';
import { siteLocation } from '../src/model/urls.ts';
import { bundlePageScripts } from '../src/site/bundle-scripts.ts';
import { applyContentSecurityPolicy } from '../src/site/csp.ts';

const args = process.argv.slice(2);
const outFlag = args.indexOf('--outDir');
const outDir = resolve(outFlag >= 0 ? (args[outFlag + 1] ?? 'dist') : 'dist');

const astro = spawnSync(process.execPath, ['node_modules/astro/bin/astro.mjs', 'build', ...args], { stdio: 'inherit' });
if (astro.status !== 0) process.exit(astro.status ?? 1);

// One script file per page instead of Astro's one per component (src/site/bundle-scripts.ts).
await bundlePageScripts(outDir, siteLocation().base);

// Every page gets its Content-Security-Policy; an inline script nobody approved fails the build,
// since it is either an upgrade to review or content that found a way to inject one.
const csp = applyContentSecurityPolicy(outDir);
if (csp.problems.length > 0) {
  for (const problem of csp.problems.slice(0, 20)) console.error(problem);
  console.error(`${csp.problems.length} inline script${csp.problems.length === 1 ? '' : 's'} not allowed by the Content-Security-Policy (first ${Math.min(20, csp.problems.length)} above). If one comes from a Starlight upgrade or astro.config.mjs, read it and add its hash to src/site/csp.ts.`);
  process.exit(1);
}

const started = performance.now();
const errors: string[] = [];
try {
  const { index, errors: createErrors } = await pagefind.createIndex();
  errors.push(...createErrors);
  if (index) {
    const added = await index.addDirectory({ path: outDir });
    errors.push(...added.errors);
    const written = await index.writeFiles({ outputPath: join(outDir, 'pagefind') });
    errors.push(...written.errors);
    if (errors.length === 0) console.log(`search index: ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s → ${join(outDir, 'pagefind')}`);
  }
} finally {
  await pagefind.close();
}
if (errors.length > 0) {
  for (const error of errors) console.error(`Pagefind could not index ${outDir}: ${error}`);
  process.exit(1);
}

// The guide's example of bulkhead report: the fixture system and two real-format scanner reports,
// rendered by the CLI itself, so the example always shows what the current code produces. Only
// for the real knowledge base; a fixture or synthetic content tree has no such guide.
if (!process.env.BULKHEAD_CONTENT_DIR) {
  const example = spawnSync(
    process.execPath,
    ['bin/bulkhead.mjs', 'report', 'tests/fixtures/report/system', '--scanner-report', 'tests/fixtures/findings/trivy.json', '--scanner-report', 'tests/fixtures/findings/kubescape.json', '--format', 'html', '--output', join(outDir, 'examples', 'report.html')],
    { stdio: ['ignore', 'inherit', 'inherit'] },
  );
  if (example.status !== 0) {
    console.error('the example report (dist/examples/report.html) could not be built');
    process.exit(1);
  }
  console.log(`example report → ${join(outDir, 'examples', 'report.html')}`);
}

