/**
 * `bulkhead report PATH... [--scanner-report FILE]... [--format html|json|sarif] [--output FILE]`:
 * bulkhead's checks on the artifacts plus the scanners' reports, as the threat model of the
 * system they describe. main.ts wires it with one line.
 *
 * Exit codes: 0 the report was written, 2 usage or input error. An input that cannot be read
 * (an artifact, or a scanner report that is unreadable, truncated or of no known format) is one
 * line naming the file; the report is still built from the rest, and the exit code is 2.
 */
import { closeSync, mkdirSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readArtifact, type InputProblem } from '../artifacts/artifact.ts';
import { collectInputs, describeFsError } from '../cli/collect.ts';
import { formatProblem } from '../cli/format-text.ts';
import type { KnowledgeBase } from '../cli/knowledge-base.ts';
import type { CliIo } from '../cli/main.ts';
import { printable } from '../cli/printable.ts';
import { MAX_REPORT_BYTES } from '../linker/command.ts';
import { LinkInputError } from '../linker/link.ts';
import type { ArtifactKind } from '../model/vocabulary.ts';
import { CheckRun, runChecks, type RunnableCheck } from '../rules/engine.ts';
import type { Finding } from '../rules/finding.ts';
import { formatReportJson, reportDocument, type ReportDocument, type ReportMeta } from './document.ts';
import { buildReport, type ArtifactRead, type ScannerReportInput } from './model.ts';
import { readScannerReport } from './scanner-findings.ts';

const FORMATS = ['html', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];

export const REPORT_HELP = `Usage: bulkhead report [options] PATH... [--scanner-report FILE]...

The threat model of your system: Bulkhead's checks on the artifacts (as bulkhead check runs them)
and your scanners' reports (Trivy JSON/SARIF, Kubescape JSON/SARIF, kube-bench JSON, docker-bench
JSON, Checkov JSON/SARIF), mapped to the risks of the knowledge base and their life-cycle stages.
Each risk is present, not found (what can detect it ran) or not assessed (nothing that ran can);
mitigations are ranked by the present risks and findings they address.

Options:
  --scanner-report FILE  a scanner's report, detected by its content; repeat for several
  --format FORMAT        html (default; one self-contained file), json or sarif
  --output FILE          write the report to FILE instead of standard output
  -h, --help             this text

Exit codes: 0 the report was written, 2 usage or input error (the report is still built from the rest).`;

class ReportUsageError extends Error {}

export async function runReportCommand(io: CliIo, kb: KnowledgeBase, args: readonly string[]): Promise<number> {
  let parsed;
  try {
    parsed = parseArgs({ args: [...args], allowPositionals: true, options: { 'scanner-report': { type: 'string', multiple: true }, format: { type: 'string' }, output: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
    if (parsed.values.help) {
      io.stdout(`${REPORT_HELP}\n`);
      return 0;
    }
    const format = parsed.values.format ?? 'html';
    if (!(FORMATS as readonly string[]).includes(format)) throw new ReportUsageError(`--format "${format}" is not one of ${FORMATS.join(', ')}`);
    if (parsed.positionals.length === 0 && (parsed.values['scanner-report'] ?? []).length === 0) throw new ReportUsageError('no PATH and no --scanner-report given');
  } catch (error) {
    io.stderr(`bulkhead report: ${printable(error instanceof Error ? error.message : String(error))}\nRun "bulkhead report --help" for usage.\n`);
    return 2;
  }
  const format = (parsed.values.format ?? 'html') as Format;
  const [checks, data] = await Promise.all([kb.loadChecks(io.stderr), kb.loadThreatModel ? kb.loadThreatModel(io.stderr) : undefined]);
  if (!checks) return 2;
  if (!data) {
    if (!kb.loadThreatModel) io.stderr('error: this knowledge base carries no threat model (risks, mitigations, mappings); reinstall the package\n');
    return 2;
  }

  const problems: InputProblem[] = [];
  const artifacts = checkArtifacts(io, parsed.positionals, checks, problems);
  const scannerReports: ScannerReportInput[] = [];
  for (const file of parsed.values['scanner-report'] ?? []) {
    const read = readScannerFile(io, file);
    if ('problem' in read) problems.push({ file, message: read.problem });
    else scannerReports.push({ file, read: read.report });
  }

  const model = buildReport({ data, checks, artifacts: artifacts.read, bulkheadFindings: artifacts.findings, scannerReports });
  const meta: ReportMeta = {
    toolVersion: kb.version,
    knowledgeBase: kb.source(),
    artifacts: artifacts.read,
    scannerReports: scannerReports.map(({ file, read }) => ({ file, format: read.format, findings: read.findings.length, rulesRun: read.ran.length, listsPasses: read.listsPasses })),
    errors: problems.map((problem) => ({ file: problem.file, message: problem.message })),
  };
  const document = reportDocument(model, meta, kb.siteUrl());
  for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
  const pieces = await render(format, document);
  if (parsed.values.output) {
    let descriptor: number | undefined;
    try {
      const path = resolve(io.cwd, parsed.values.output);
      mkdirSync(dirname(path), { recursive: true });
      descriptor = openSync(path, 'w');
      for (const piece of pieces) writeSync(descriptor, piece);
    } catch (error) {
      io.stderr(`${formatProblem({ file: parsed.values.output, message: `cannot write the report: ${describeFsError(error)}` })}\n`);
      return 2;
    } finally {
      if (descriptor !== undefined) closeSync(descriptor);
    }
  } else for (const piece of pieces) io.stdout(piece);
  return problems.length > 0 ? 2 : 0;
}

/** The writers are loaded for the format asked for only; JSON comes in pieces, so a large report is never one string. */
async function render(format: Format, document: ReportDocument): Promise<Iterable<string>> {
  if (format === 'json') return formatReportJson(document);
  if (format === 'sarif') return [(await import('./sarif.ts')).formatReportSarif(document)];
  return [(await import('./html.ts')).formatReportHtml(document)];
}

/** Runs the checks as `bulkhead check` does; a directory walk skips what is no artifact, a named file that is none is a problem. */
function checkArtifacts(io: CliIo, paths: readonly string[], checks: readonly RunnableCheck[], problems: InputProblem[]): { read: ArtifactRead[]; findings: { finding: Finding; kind: ArtifactKind }[] } {
  const read: ArtifactRead[] = [];
  const findings: { finding: Finding; kind: ArtifactKind }[] = [];
  if (paths.length === 0) return { read, findings };
  const collected = collectInputs(paths, io.cwd, { readStdin: io.readStdin, ...(io.readFile ? { readFile: io.readFile } : {}) });
  for (const problem of collected.problems) problems.push(problem);
  // As in bulkhead check: the rules over all Kubernetes objects of the run report after the last file.
  const run = new CheckRun();
  for (const file of collected.files) {
    try {
      const result = readArtifact(file.name, file.text);
      if (result.status === 'unrecognised' && !file.named) continue;
      for (const problem of result.problems) problems.push(problem);
      if (result.status !== 'read') continue;
      read.push({ file: file.name, kind: result.artifact.kind });
      for (const finding of runChecks(result.artifact, checks, run)) findings.push({ finding, kind: result.artifact.kind });
    } catch (error) {
      problems.push({ file: file.name, message: `internal error while checking this file: ${error instanceof Error ? error.message : String(error)}` });
    }
  }
  try {
    for (const finding of run.finish(checks)) findings.push({ finding, kind: 'kubernetes' });
  } catch (error) {
    problems.push({ file: '(all inputs)', message: `internal error in the checks over all inputs: ${error instanceof Error ? error.message : String(error)}` });
  }
  return { read, findings };
}

function readScannerFile(io: CliIo, file: string): { report: ReturnType<typeof readScannerReport> } | { problem: string } {
  const path = resolve(io.cwd, file);
  let bytes: Buffer;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) return { problem: 'is a directory, not a scanner report' };
    if (stats.size === 0) return { problem: 'empty file, not a scanner report' };
    if (stats.size > MAX_REPORT_BYTES) return { problem: `file is over the ${MAX_REPORT_BYTES / 1024 / 1024} MiB input limit` };
    bytes = io.readFile ? io.readFile(path, stats.size) : readFileSync(path);
  } catch (error) {
    return { problem: `cannot read the scanner report: ${describeFsError(error)}` };
  }
  try {
    return { report: readScannerReport(bytes) };
  } catch (error) {
    if (error instanceof LinkInputError) return { problem: `scanner report: ${error.message}` };
    return { problem: `internal error while reading this scanner report: ${error instanceof Error ? error.message : String(error)}` };
  }
}
