/**
 * `bulkhead` — runs the knowledge base's automated checks on Dockerfiles, Kubernetes manifests,
 * Compose files, inspect output and daemon.json, and links every finding to its check page;
 * `bulkhead rules` lists the checks, `bulkhead link` links scanner reports to Bulkhead.
 * Exit codes: 0 nothing at or above --fail-on, 1 findings, 2 usage or input error.
 *
 * The checks come from a KnowledgeBase: the repository's content by default (repo-kb.ts), the
 * npm package's bundled metadata and rules when package-entry.ts passes its own.
 */
import { closeSync, mkdirSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { readArtifact, type InputProblem } from '../artifacts/artifact.ts';
import { runLinkCommand } from '../linker/command.ts';
import { ARTIFACT_KINDS, ARTIFACT_LABELS, SEVERITIES, type ArtifactKind, type Severity } from '../model/vocabulary.ts';
import { CheckRun, runChecks, type RunnableCheck } from '../rules/engine.ts';
import type { Finding } from '../rules/finding.ts';
import { collectInputs, describeFsError, type InputFile } from './collect.ts';
import { JsonReportWriter } from './format-json.ts';
import { formatSarif } from './format-sarif.ts';
import { formatProblem, formatText, paint } from './format-text.ts';
import { describeVersion, rulesDocument, type KnowledgeBase } from './knowledge-base.ts';
import { printable } from './printable.ts';
import { countObjectsWithoutRules, type RunSummary } from './summary.ts';

export const EXIT = { clean: 0, findings: 1, error: 2 } as const;
const FORMATS = ['text', 'json', 'sarif'] as const;
type Format = (typeof FORMATS)[number];
const FAIL_ON = [...SEVERITIES, 'none'] as const;

const USAGE = `Usage: bulkhead COMMAND [options]

Commands:
  check PATH...        run Bulkhead's automated checks on Dockerfiles, Kubernetes manifests (or
                       helm template output), Compose files, docker/podman inspect output and
                       daemon.json; each finding links to its check page
  rules                list the automated checks (--format json: their metadata)
  link [REPORT]        add a link to its Bulkhead page to each finding of a Trivy, Kubescape,
                       kube-bench, docker-bench or Checkov report (JSON or SARIF)
  report PATH...       the threat model of your system from its artifacts and your scanners'
                       reports (--scanner-report FILE): risks by stage, what to fix first (HTML, JSON, SARIF)

  bulkhead COMMAND --help   options of a command
  bulkhead --version        the version and the knowledge-base commit the checks come from`;

const RULES_HELP = `Usage: bulkhead rules [--format text|json]

Lists the automated checks: ID, severity, the artifact kinds each reads, and title.
--format json prints their metadata (title, severity, what each verifies, the command that
proves it on a live system and its expected output, risks, scanner rules, page URL).`;

const HELP = `Usage: bulkhead check [options] PATH...

Runs Bulkhead's automated checks on container artifacts and links each finding to its page.
PATH is a file, a directory (searched recursively) or - for standard input (e.g. helm template … | bulkhead check -).

Kinds (detected from name and content, or forced with --kind):
${ARTIFACT_KINDS.map((kind) => `  ${kind.padEnd(14)} ${ARTIFACT_LABELS[kind]}`).join('\n')}

Options:
  --kind KIND        read every input as KIND
  --format FORMAT    text (default), json or sarif (SARIF 2.1.0, for GitHub code scanning)
  --output FILE      write the report to FILE instead of standard output (missing directories are created)
  --fail-on LEVEL    lowest severity that makes the exit code 1: ${FAIL_ON.join(', ')} (default low)
  --skip-unrecognised  skip named files that are no container artifact, as in a directory (for
                     pre-commit and other tools that pass every changed file)
  -h, --help         this text

Exit codes: 0 no finding at or above --fail-on, 1 findings, 2 usage or input error (the other files are still checked).
Colour is used only on a terminal and never when NO_COLOR is set.`;

export interface CliIo {
  argv: readonly string[];
  cwd: string;
  env: Record<string, string | undefined>;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input, at most `limit` bytes: more than `limit` bytes back means it is over the limit. */
  readStdin: (limit: number) => Buffer;
  /** Reads a regular file of `size` bytes; tests inject read failures here (default: the file system). */
  readFile?: (path: string, size: number) => Buffer;
  isTty: boolean;
}

class UsageError extends Error {}

/** A usage error that prints the command list rather than a pointer to check's help. */
class UnknownCommand extends UsageError {}

function oneOf<T extends string>(name: string, value: string | undefined, allowed: readonly T[], fallback: T): T {
  if (value === undefined) return fallback;
  if ((allowed as readonly string[]).includes(value)) return value as T;
  throw new UsageError(`--${name} "${value}" is not one of ${allowed.join(', ')}`);
}

function atOrAbove(severity: Severity, threshold: Severity | 'none'): boolean {
  return threshold !== 'none' && SEVERITIES.indexOf(severity) <= SEVERITIES.indexOf(threshold);
}

async function check(io: CliIo, kb: KnowledgeBase, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      kind: { type: 'string' },
      format: { type: 'string' },
      output: { type: 'string' },
      'fail-on': { type: 'string' },
      'skip-unrecognised': { type: 'boolean' },
      help: { type: 'boolean', short: 'h' },
    },
  });
  if (values.help) {
    io.stdout(`${HELP}\n`);
    return EXIT.clean;
  }
  const format: Format = oneOf('format', values.format, FORMATS, 'text');
  const failOn = oneOf('fail-on', values['fail-on'], FAIL_ON, 'low');
  const kind: ArtifactKind | undefined = values.kind === undefined ? undefined : oneOf('kind', values.kind, ARTIFACT_KINDS, 'kubernetes');
  if (positionals.length === 0) throw new UsageError('no PATH given (use - to read standard input)');

  const checks = await kb.loadChecks(io.stderr);
  if (!checks) return EXIT.error;
  const collected = collectInputs(positionals, io.cwd, { readStdin: io.readStdin, readFile: io.readFile });
  const problems: InputProblem[] = collected.problems;
  const findings: Finding[] = [];
  const summary: RunSummary = { filesChecked: 0, filesSkipped: 0, inputErrors: 0, checksRun: checks.length };
  const skipUnrecognised = values['skip-unrecognised'] === true;
  const outputPath = values.output ? resolve(io.cwd, values.output) : undefined;
  // JSON is written file by file as the run goes, so a run with 100,000+ findings never holds them
  // all; text groups and SARIF indexes the whole run, so they are written at the end.
  const sink = format === 'json' ? openSink(io, outputPath) : undefined;
  if (sink && 'failure' in sink) {
    io.stderr(`${formatProblem({ file: values.output ?? '', message: sink.failure })}\n`);
    return EXIT.error;
  }
  const json = sink ? new JsonReportWriter(sink.write) : undefined;
  let reachedFailOn = false;
  // The rules that need every Kubernetes object of the run report after the last file.
  const run = new CheckRun();
  const streamed = () => {
    if (!json) return;
    for (const finding of findings) if (atOrAbove(finding.severity, failOn)) reachedFailOn = true;
    json.findings(findings);
    findings.length = 0;
  };
  for (const file of collected.files) {
    checkFile(file, { kind, skipUnrecognised }, checks, { findings, problems, summary }, run);
    streamed();
  }
  finishRun(run, checks, collected.files, { findings, problems, summary });
  streamed();
  summary.inputErrors = problems.length;

  for (const problem of problems) io.stderr(`${formatProblem(problem)}\n`);
  if (json && sink && !('failure' in sink)) {
    json.end(problems, summary);
    sink.close();
  } else {
    const colour = format === 'text' && !values.output && io.isTty && !io.env.NO_COLOR;
    const report = format === 'sarif' ? formatSarif(findings, problems, checks, kb.version, summary) : formatText(findings, summary, paint(colour));
    if (outputPath) {
      const failure = writeReport(outputPath, report);
      if (failure) {
        io.stderr(`${formatProblem({ file: values.output ?? '', message: failure })}\n`);
        return EXIT.error;
      }
    } else io.stdout(report);
    reachedFailOn = findings.some((finding) => atOrAbove(finding.severity, failOn));
  }

  if (problems.length > 0) return EXIT.error;
  return reachedFailOn ? EXIT.findings : EXIT.clean;
}

type Sink = { write: (chunk: string) => void; close: () => void } | { failure: string };

/** Where a streamed report goes: standard output, or a file whose directories are created first. */
function openSink(io: CliIo, path: string | undefined): Sink {
  if (!path) return { write: (chunk) => io.stdout(chunk), close: () => undefined };
  try {
    mkdirSync(dirname(path), { recursive: true });
    const fd = openSync(path, 'w');
    return { write: (chunk) => writeSync(fd, chunk), close: () => closeSync(fd) };
  } catch (error) {
    return { failure: `cannot write the report: ${describeFsError(error)}` };
  }
}

/** Appends one by one: `push(...list)` passes every item as an argument and overflows the stack past ~120,000. */
function appendAll<T>(target: T[], items: readonly T[]): void {
  for (const item of items) target.push(item);
}

interface RunResults {
  findings: Finding[];
  problems: InputProblem[];
  summary: RunSummary;
}

/**
 * Reads and checks one input. A bug that throws on this input (in a reader or a rule) becomes one
 * problem naming the file, so the other files are still checked and the report is still written.
 */
interface ReadOptions {
  kind: ArtifactKind | undefined;
  /** Skip a named file that is no container artifact, as a directory walk does (pre-commit names every changed file). */
  skipUnrecognised: boolean;
}

function checkFile(file: InputFile, options: ReadOptions, checks: readonly RunnableCheck[], results: RunResults, run: CheckRun): void {
  try {
    const result = readArtifact(file.name, file.text, options.kind);
    if (result.status === 'unrecognised' && (!file.named || options.skipUnrecognised)) {
      results.summary.filesSkipped++;
      return;
    }
    appendAll(results.problems, result.problems);
    if (result.status !== 'read') return;
    appendAll(results.findings, runChecks(result.artifact, checks, run));
    // After the checks: a large JSON List is read while they run, and the kinds are counted then.
    countObjectsWithoutRules(results.summary, result.artifact);
    results.summary.filesChecked++;
  } catch (error) {
    results.problems.push({ file: file.name, message: `internal error while checking this file: ${error instanceof Error ? error.message : String(error)}` });
  }
}

/**
 * Adds the findings of the whole-run rules and puts every finding back in input-file order (the
 * JSON report has written the others already). A bug in such a rule is one problem, not a lost report.
 */
function finishRun(run: CheckRun, checks: readonly RunnableCheck[], files: readonly InputFile[], results: RunResults): void {
  let found: Finding[];
  try {
    found = run.finish(checks);
  } catch (error) {
    results.problems.push({ file: '(all inputs)', message: `internal error in the checks over all inputs: ${error instanceof Error ? error.message : String(error)}` });
    return;
  }
  if (found.length === 0) return;
  appendAll(results.findings, found);
  const order = new Map(files.map((file, index) => [file.name, index]));
  const place = (finding: Finding) => order.get(finding.file) ?? files.length;
  results.findings.sort((a, b) => place(a) - place(b) || (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.checkId.localeCompare(b.checkId));
}

/** Writes the report, creating missing directories (CI steps write to reports/ without creating it); the reason when it cannot. */
function writeReport(path: string, report: string): string | undefined {
  try {
    mkdirSync(dirname(path), { recursive: true });
    writeFileSync(path, report);
    return undefined;
  } catch (error) {
    return `cannot write the report: ${describeFsError(error)}`;
  }
}

const RULES_FORMATS = ['text', 'json'] as const;

async function listRules(io: CliIo, kb: KnowledgeBase, args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({ args, allowPositionals: true, options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } } });
  if (values.help) {
    io.stdout(`${RULES_HELP}\n`);
    return EXIT.clean;
  }
  const format = oneOf('format', values.format, RULES_FORMATS, 'text');
  if (positionals.length > 0) throw new UsageError(`rules takes no arguments, got "${positionals.join(' ')}"`);
  const checks = await kb.loadChecks(io.stderr);
  if (!checks) return EXIT.error;
  if (format === 'json') {
    io.stdout(`${JSON.stringify(rulesDocument(kb, checks), null, 2)}\n`);
    return EXIT.clean;
  }
  for (const automated of checks) {
    io.stdout(`${automated.id}  ${automated.severity.padEnd(8)} ${automated.kinds.join(', ').padEnd(30)} ${automated.title}\n`);
  }
  io.stdout(`${checks.length} automated checks\n`);
  return EXIT.clean;
}

const COMMANDS = ['check', 'rules', 'link', 'report'] as const;

/** The repository's checks, read from content/ only when a command needs them. */
async function repositoryKnowledgeBase(): Promise<KnowledgeBase> {
  const { repositoryKnowledgeBase: create } = await import('./repo-kb.ts');
  return create();
}

/**
 * Runs one command. `knowledgeBase` is where the checks come from: the npm package passes its
 * bundled one; without it, this repository's content is read.
 */
export async function main(io: CliIo, knowledgeBase?: KnowledgeBase): Promise<number> {
  const [command, ...rest] = io.argv;
  try {
    if (command === undefined) throw new UnknownCommand('no command given');
    if (command === '-h' || command === '--help' || command === 'help') {
      io.stdout(`${USAGE}\n`);
      return EXIT.clean;
    }
    const kb = knowledgeBase ?? (await repositoryKnowledgeBase());
    if (command === '--version' || command === '-v' || command === 'version') {
      io.stdout(`${describeVersion(kb)}\n`);
      return EXIT.clean;
    }
    if (command === 'check') return await check(io, kb, rest);
    if (command === 'rules') return await listRules(io, kb, rest);
    if (command === 'report') return await (await import('../report/command.ts')).runReportCommand(io, kb, rest);
    if (command === 'link') return await runLinkCommand({ ...io, argv: rest }, { command: 'bulkhead link', loadStanding: () => kb.loadStanding() });
    throw new UnknownCommand(`unknown command "${command}" (expected ${COMMANDS.join(', ')})`);
  } catch (error) {
    // parseArgs throws TypeErrors with a code for unknown or malformed options: usage errors too.
    const isUsage = error instanceof UsageError || (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS'));
    // Messages can quote arguments: printable() keeps them on one line, without terminal escapes.
    const message = printable(error instanceof Error ? error.message : String(error));
    if (error instanceof UnknownCommand) io.stderr(`bulkhead: ${message}\n\n${USAGE}\n`);
    else io.stderr(isUsage ? `bulkhead: ${message}\nRun "bulkhead ${command === 'rules' ? 'rules' : 'check'} --help" for usage.\n` : `bulkhead: internal error: ${message}\n`);
    if (!isUsage && io.env.BULKHEAD_DEBUG && error instanceof Error) io.stderr(`${error.stack ?? ''}\n`);
    return EXIT.error;
  }
}
