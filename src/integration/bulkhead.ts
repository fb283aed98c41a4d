import { fileURLToPath } from 'node:url';
import type { AstroIntegration } from 'astro';
import { collectDiagrams } from '../diagrams/collect.ts';
import { renderDiagrams } from '../diagrams/render.ts';
import { renderCounts, renderReport } from '../integrity/report.ts';
import { validateContent } from '../integrity/validate.ts';
import { contentDirOverride } from '../site/content-dir.ts';
import { htmlFiles } from '../site/html-files.ts';

/**
 * Makes the integrity check and diagram rendering part of every build: `astro build` fails with
 * every content problem listed (Astro itself would log a dangling reference and exit 0), and
 * prints a one-line summary at the end.
 */
export function bulkhead(): AstroIntegration {
  let started = 0;
  let counts = '';
  return {
    name: 'bulkhead',
    hooks: {
      'astro:config:setup': async ({ config, command, logger }) => {
        started = performance.now();
        const rootDir = fileURLToPath(config.root);
        const override = contentDirOverride();
        const result = validateContent(rootDir, { contentDir: override, floors: !override });
        const problems = [...result.problems];
        const rendered = await renderDiagrams(collectDiagrams(result.entries));
        problems.push(...rendered.problems);
        counts = renderCounts(result.counts);
        logger.info(`diagrams: ${rendered.stats.total} (${rendered.stats.cached} cached, ${rendered.stats.rendered} rendered${rendered.stats.browserLaunched ? '' : ', no browser launched'})`);
        if (problems.length === 0) return;
        const report = renderReport(problems, { annotations: process.env.GITHUB_ACTIONS === 'true' });
        if (command === 'build') throw new Error(`${problems.length} content problem${problems.length === 1 ? '' : 's'}; fix them and build again:\n${report}`);
        logger.warn(`${problems.length} content problems:\n${report}`);
      },
      'astro:build:done': ({ dir, logger }) => {
        const seconds = ((performance.now() - started) / 1000).toFixed(1);
        logger.info(`Bulkhead built: ${counts} → ${htmlFiles(fileURLToPath(dir)).length} pages in ${seconds} s`);
      },
    },
  };
}
