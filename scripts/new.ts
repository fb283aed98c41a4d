/**
 * npm run new -- <risk|mitigation|check|concept|incident> [--title T] [--summary S] [--cite SOURCE]
 *   risk:       --stage S --severity V [--mitigations BH-M-001,BH-M-002]
 *   mitigation: --environments docker,kubernetes [--checks BH-CK-001]
 *   check:      --environments kubernetes --severity V (rubric: CONTRIBUTING.md, Severity)
 *   concept:    --area "Namespaces"
 *   incident:   --component runc [--cve CVE-2024-21626]
 * Hands out the next free ID and writes a file that passes `npm run check:content` once every
 * prompt in it is replaced. Asks for missing values on a terminal; in scripts, flags only.
 */
import { existsSync, mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { createInterface } from 'node:readline/promises';
import { parseArgs } from 'node:util';
import { validateContent } from '../src/integrity/validate.ts';
import { ENVIRONMENTS, SEVERITIES, STAGES, type Environment } from '../src/model/vocabulary.ts';
import { URL_LOCK_FILE } from '../src/refs/published-urls.ts';
import { nextFreeId } from '../src/scaffold/next-id.ts';
import { TEMPLATES, type ScaffoldKind } from '../src/scaffold/templates.ts';
import { CONTROL_CHARACTER } from '../src/schemas/common.ts';

const KINDS = Object.keys(TEMPLATES) as ScaffoldKind[];
const COLLECTION = { risk: 'risks', mitigation: 'mitigations', check: 'checks', concept: 'concepts', incident: 'incidents' } as const;
const REQUIRED: Record<ScaffoldKind, string[]> = {
  risk: ['title', 'summary', 'cite', 'stage', 'severity'],
  mitigation: ['title', 'summary', 'cite', 'environments'],
  check: ['title', 'summary', 'cite', 'environments', 'severity'],
  concept: ['title', 'summary', 'cite', 'area'],
  incident: ['title', 'summary', 'cite', 'component'],
};
const HINTS: Record<string, string> = {
  title: 'Title',
  summary: 'One- or two-sentence summary (20-400 characters)',
  cite: 'Key of the source to cite (a file name in content/sources without .yaml)',
  stage: `Stage (${STAGES.join(', ')})`,
  severity: `Severity (${SEVERITIES.join(', ')})`,
  environments: `Environments, comma-separated (${ENVIRONMENTS.join(', ')})`,
  area: 'Concept area (e.g. Namespaces, Privilege, Filesystem)',
  component: 'Component that had the flaw (e.g. runc, Linux kernel)',
};

function fail(message: string): never {
  console.error(message);
  process.exit(2);
}

let parsed;
try {
  parsed = parseArgs({
    allowPositionals: true,
    options: Object.fromEntries(['title', 'summary', 'cite', 'stage', 'severity', 'environments', 'area', 'component', 'cve', 'mitigations', 'checks', 'root'].map((name) => [name, { type: 'string' as const }])),
  });
} catch (error) {
  fail(`${error instanceof Error ? error.message : String(error)}\nusage: npm run new -- <${KINDS.join('|')}> --title … (see the top of scripts/new.ts)`);
}
const kind = parsed.positionals[0] as ScaffoldKind | undefined;
if (!kind || !KINDS.includes(kind)) fail(`usage: npm run new -- <${KINDS.join('|')}> [--title …]; got ${JSON.stringify(parsed.positionals[0] ?? '')}`);

const values: Record<string, string | undefined> = { ...parsed.values };
const missing = REQUIRED[kind].filter((name) => !values[name]);
if (missing.length > 0) {
  if (!process.stdin.isTTY) fail(`npm run new -- ${kind}: missing ${missing.map((name) => `--${name}`).join(', ')} (stdin is not a terminal, so nothing is asked)`);
  const terminal = createInterface({ input: process.stdin, output: process.stdout });
  for (const name of missing) values[name] = (await terminal.question(`${HINTS[name] ?? name}: `)).trim();
  terminal.close();
}

const rootDir = values.root ?? process.cwd();
const { graph } = validateContent(rootDir);
const errors: string[] = [];
if (values.stage && !(STAGES as readonly string[]).includes(values.stage)) errors.push(`--stage ${values.stage}: use one of ${STAGES.join(', ')}`);
if (values.severity && !(SEVERITIES as readonly string[]).includes(values.severity)) errors.push(`--severity ${values.severity}: use one of ${SEVERITIES.join(', ')}`);
const environments = (values.environments ?? '').split(',').map((item) => item.trim()).filter(Boolean);
for (const environment of environments) if (!(ENVIRONMENTS as readonly string[]).includes(environment)) errors.push(`--environments ${environment}: use ${ENVIRONMENTS.join(', ')}`);
if (values.cite && !graph.sourceByKey(values.cite)) errors.push(`--cite ${values.cite}: no content/sources/${values.cite}.yaml (known: ${graph.sources.slice(0, 5).map((source) => source.data.key).join(', ')}, …)`);
const links = (values.mitigations ?? values.checks ?? '').split(',').map((item) => item.trim()).filter(Boolean);
for (const link of links) if (!graph.entryById(link)) errors.push(`${link}: no entry has this ID`);
for (const name of ['title', 'summary'] as const) {
  // A control character in a title would reach every page, feed and terminal that shows it.
  if (CONTROL_CHARACTER.test(values[name] ?? '')) errors.push(`--${name} ${JSON.stringify(values[name])}: control characters (tabs, newlines, escapes) are not allowed`);
}
if (values.summary && (values.summary.length < 20 || values.summary.length > 400)) errors.push('--summary: write 20 to 400 characters');
if (errors.length > 0) fail(errors.join('\n'));

const collection = COLLECTION[kind];
const id = nextFreeId(graph, collection, join(rootDir, URL_LOCK_FILE), join(rootDir, 'content', collection));
const slug = (values.title ?? '').toLowerCase().replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '').slice(0, 48).replace(/-$/, '');
if (slug === '') fail(`--title ${JSON.stringify(values.title ?? '')}: the title names the file, so it needs at least one letter or digit (a-z, 0-9)`);
const name = `${id.toLowerCase()}-${slug}`;
const file = join(rootDir, 'content', collection, collection === 'checks' ? join(name, 'index.mdx') : `${name}.mdx`);
if (existsSync(file)) fail(`${file} already exists`);
const text = TEMPLATES[kind]({
  id,
  title: values.title ?? '',
  summary: values.summary ?? '',
  today: new Date().toISOString().slice(0, 10),
  cite: values.cite ?? '',
  links,
  stage: values.stage,
  severity: values.severity,
  environments: environments as Environment[],
  area: values.area,
  cve: values.cve,
  component: values.component,
});
mkdirSync(dirname(file), { recursive: true });
writeFileSync(file, text);
console.log(`${id}: wrote ${file}\nReplace every {/* bulkhead:write … */} prompt, then run npm run check:content.`);
