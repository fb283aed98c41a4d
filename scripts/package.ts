/**
 * node scripts/package.ts   (npm's `prepack`: runs before every `npm pack` and `npm publish`)
 *
 * Builds what the npm package runs from, into dist-cli/, so the tarball needs nothing but Node 20+:
 * - checks.json: the automated checks' metadata, exactly as `bulkhead rules --format json` prints it
 *   (ID, title, severity, what each verifies, command and expected output, kinds, risks, scanner
 *   rules with their relation, page path and URL) and the knowledge-base commit and date;
 * - standing.json: Bulkhead's standing of every catalogued scanner rule, for `bulkhead link` on SARIF;
 * - bulkhead.mjs: src/cli/package-entry.ts and every content/checks/<id>/rule.ts bundled by esbuild
 *   into one plain-JavaScript ES module (no TypeScript left for Node to strip), with the vendored
 *   scanner catalogs and the YAML reader inside.
 * The content parser never enters the bundle: the modules that read content/ are stubbed, and the
 * build fails if anything else pulls them in. Prints one summary line.
 */
import { existsSync, mkdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { build, type Plugin } from 'esbuild';
import { metadataOf, rulesDocument } from '../src/cli/knowledge-base.ts';
import { CHECKS_FILE, STANDING_FILE, THREAT_MODEL_FILE, type StandingTable } from '../src/cli/package-kb.ts';
import { threatModelData } from '../src/report/knowledge.ts';
import { repositoryKnowledgeBase } from '../src/cli/repo-kb.ts';
import { formatProblem } from '../src/integrity/problem.ts';
import { validateContent } from '../src/integrity/validate.ts';
import type { RuleStanding } from '../src/linker/standing.ts';
import { entryUrl } from '../src/model/urls.ts';
import { SCANNERS } from '../src/model/vocabulary.ts';
import { buildRefRecords, scannerLinkMap } from '../src/refs/records.ts';
import { loadAutomatedChecks } from '../src/rules/engine.ts';

const ROOT = fileURLToPath(new URL('..', import.meta.url));
export const OUT_DIR = join(ROOT, 'dist-cli');
export const BUNDLE_FILE = 'bulkhead.mjs';
export const NOTICES_FILE = 'THIRD-PARTY-NOTICES.md';

/** Modules that read content/ at run time: the package passes its own knowledge base instead. */
const STUBBED = [/\/src\/cli\/repo-kb\.ts$/, /\/src\/linker\/load-standing\.ts$/];
/** Inputs that must never reach the bundle: the content parser and the site's dependencies. */
const FORBIDDEN = [/^src\/(integrity|loader|graph|schemas|refs)\//, /^node_modules\/(astro|zod|remark|unified|mdast|micromark)\//];

const stubContentReaders: Plugin = {
  name: 'stub-content-readers',
  setup(builder) {
    builder.onLoad({ filter: /\.ts$/ }, (args) => {
      if (!STUBBED.some((pattern) => pattern.test(args.path.replaceAll('\\', '/')))) return undefined;
      return { contents: `throw new Error('${relative(ROOT, args.path)} reads content/, which the npm package does not carry');`, loader: 'js' };
    });
  },
};

/** What the linker's standingFromLinkMaps indexes (canonical IDs only), as plain data. */
function standingTable(graph: Parameters<typeof buildRefRecords>[0]): StandingTable {
  const records = buildRefRecords(graph);
  const table: StandingTable = {};
  for (const scanner of SCANNERS) {
    const rules: Record<string, RuleStanding> = {};
    for (const [spelling, record] of Object.entries(scannerLinkMap(records, scanner, entryUrl).rules)) {
      if (spelling === record.canonical) rules[spelling] = { status: record.status, ...(record.relation ? { relation: record.relation } : {}), manual: record.manual };
    }
    table[scanner] = rules;
  }
  return table;
}

/** The chain of imports from the entry to `target`, to say why a module ended up in the bundle. */
function importChain(inputs: Record<string, { imports: readonly { path: string }[] }>, target: string): string[] {
  const parent = new Map<string, string>();
  const queue = Object.keys(inputs).filter((input) => input.includes('package-entry.generated'));
  for (const input of queue) {
    for (const imported of inputs[input]?.imports ?? []) {
      if (parent.has(imported.path) || queue.includes(imported.path)) continue;
      parent.set(imported.path, input);
      queue.push(imported.path);
    }
  }
  const chain = [target];
  for (let at = parent.get(target); at !== undefined; at = parent.get(at)) chain.unshift(at);
  return chain;
}

const LICENSE_FILES = ['LICENSE', 'LICENSE.md', 'LICENSE.txt', 'license', 'LICENCE'];

/**
 * The licences of what the bundle holds besides Bulkhead's own code: each npm package (its
 * licence text, which MIT and ISC require with every copy) and each vendored catalog (its upstream).
 */
function thirdPartyNotices(inputs: readonly string[]): string {
  const packages = [...new Set(inputs.flatMap((input) => /^node_modules\/((?:@[^/]+\/)?[^/]+)\//.exec(input)?.[1] ?? []))].sort();
  const catalogs = inputs.filter((input) => /^src\/catalogs\/.+\.json$/.test(input)).sort();
  const sections = ['# Third-party notices', '', 'dist-cli/bulkhead.mjs bundles the following code and data.', ''];
  for (const name of packages) {
    const directory = join(ROOT, 'node_modules', name);
    const manifest = JSON.parse(readFileSync(join(directory, 'package.json'), 'utf8')) as { version?: string; license?: string };
    const licenseFile = LICENSE_FILES.map((file) => join(directory, file)).find((file) => existsSync(file));
    if (!licenseFile) throw new Error(`${name} is bundled but has no licence file to ship with it`);
    sections.push(`## ${name} ${manifest.version ?? ''} (${manifest.license ?? 'see below'})`, '', '```text', readFileSync(licenseFile, 'utf8').trim(), '```', '');
  }
  sections.push('## Vendored catalogs', '', 'Scanner and framework catalogs keep their upstream licences (src/catalogs/README.md):', '');
  for (const catalog of catalogs) {
    const { source } = JSON.parse(readFileSync(join(ROOT, catalog), 'utf8')) as { source?: { repo?: string; commit?: string; document?: string } };
    sections.push(`- ${catalog.replace(/^src\/catalogs\//, '')}: ${source?.repo ? `https://github.com/${source.repo} at ${source.commit ?? 'an unrecorded commit'}` : (source?.document ?? 'upstream')}`);
  }
  return `${sections.join('\n')}\n`;
}

export async function buildPackage(): Promise<{ checks: number; bundleBytes: number }> {
  const { graph, problems } = validateContent(ROOT, { rules: [] });
  if (problems.length > 0) throw new Error(`content does not validate:\n${problems.map(formatProblem).join('\n')}`);
  const checks = await loadAutomatedChecks(graph, ROOT);
  const kb = repositoryKnowledgeBase();

  rmSync(OUT_DIR, { recursive: true, force: true });
  mkdirSync(OUT_DIR, { recursive: true });
  writeFileSync(join(OUT_DIR, CHECKS_FILE), `${JSON.stringify(rulesDocument(kb, checks), null, 2)}\n`);
  writeFileSync(join(OUT_DIR, STANDING_FILE), `${JSON.stringify(standingTable(graph))}\n`);
  writeFileSync(join(OUT_DIR, THREAT_MODEL_FILE), `${JSON.stringify(threatModelData(graph))}\n`);

  const ruleFiles = checks.map((check) => ({ id: metadataOf(check).id, file: check.check.automation?.ruleFile ?? '' }));
  const entry = [
    `import { runPackage } from './src/cli/package-entry.ts';`,
    ...ruleFiles.map((rule, index) => `import rule${index} from ${JSON.stringify(`./${rule.file.replaceAll('\\', '/')}`)};`),
    `const rules = { ${ruleFiles.map((rule, index) => `${JSON.stringify(rule.id)}: rule${index}`).join(', ')} };`,
    `await runPackage(rules, new URL('./', import.meta.url), new URL('../package.json', import.meta.url));`,
  ].join('\n');

  const result = await build({
    stdin: { contents: entry, resolveDir: ROOT, sourcefile: 'package-entry.generated.ts', loader: 'ts' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    // Plain JavaScript that Node 20 runs: no type stripping, nothing newer than Node 20 understands.
    target: 'node20',
    outfile: join(OUT_DIR, BUNDLE_FILE),
    plugins: [stubContentReaders],
    metafile: true,
    minifyWhitespace: true,
    minifySyntax: true,
    legalComments: 'eof',
    logLevel: 'warning',
    // Bundled CommonJS (if any) gets a require() of its own in an ES module.
    banner: { js: `import { createRequire as __bulkheadRequire } from 'node:module'; const require = __bulkheadRequire(import.meta.url);` },
  });
  const forbidden = Object.keys(result.metafile.inputs).filter((input) => FORBIDDEN.some((pattern) => pattern.test(input)));
  if (forbidden.length > 0) throw new Error(`the bundle must not contain the content reader or site dependencies, but has ${forbidden.length} such modules, e.g. ${importChain(result.metafile.inputs, forbidden[0] ?? '').join(' → ')}`);
  writeFileSync(join(OUT_DIR, NOTICES_FILE), thirdPartyNotices(Object.keys(result.metafile.inputs)));
  return { checks: checks.length, bundleBytes: statSync(join(OUT_DIR, BUNDLE_FILE)).size };
}

if (import.meta.main || process.argv[1] === fileURLToPath(import.meta.url)) {
  try {
    const started = performance.now();
    const { checks, bundleBytes } = await buildPackage();
    console.log(`package: ${checks} automated checks, dist-cli/${BUNDLE_FILE} ${(bundleBytes / 1024).toFixed(0)} KiB, ${((performance.now() - started) / 1000).toFixed(1)} s`);
  } catch (error) {
    console.error(`package: ${error instanceof Error ? error.message : String(error)}`);
    process.exitCode = 1;
  }
}
