/**
 * npm run link-findings -- [--format F] [FILE]  (reads stdin without FILE)
 * Rewrites Trivy, Kubescape, kube-bench, docker-bench or Checkov output (JSON or SARIF) so each
 * finding's help link points to its Bulkhead page, and prints the result on stdout.
 */
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { detectFormat, FINDING_FORMATS, linkFindings, type FindingFormat } from '../src/linker/link.ts';

const usage = `usage: npm run link-findings -- [--format ${FINDING_FORMATS.join('|')}] [FILE]`;
let parsed;
try {
  parsed = parseArgs({ options: { format: { type: 'string' }, help: { type: 'boolean' } }, allowPositionals: true });
} catch (error) {
  console.error(`${error instanceof Error ? error.message : String(error)}\n${usage}`);
  process.exit(2);
}
if (parsed.values.help) {
  console.log(usage);
  process.exit(0);
}
const [file] = parsed.positionals;
const source = file ?? '(stdin)';
let document;
try {
  document = JSON.parse(readFileSync(file ?? 0, 'utf8'));
} catch (error) {
  console.error(`${source}: not readable JSON: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(2);
}
const requested = parsed.values.format;
if (requested !== undefined && !(FINDING_FORMATS as readonly string[]).includes(requested)) {
  console.error(`--format ${requested}: unknown format\n${usage}`);
  process.exit(2);
}
const format = (requested as FindingFormat | undefined) ?? detectFormat(document);
if (!format) {
  console.error(`${source}: not output of a known scanner; pass --format (${FINDING_FORMATS.join(', ')})`);
  process.exit(2);
}
const report = linkFindings(document, format);
process.stdout.write(`${JSON.stringify(document, null, 2)}\n`);
console.error(`${source}: ${format}, ${report.linked} findings linked to Bulkhead${report.unknown.length > 0 ? `; not catalogued: ${report.unknown.join(', ')}` : ''}`);
