/**
 * `link REPORT`: the findings linker as a command. `scripts/link-findings.ts` runs it, and so does
 * `bulkhead link` in src/cli/main.ts with one line, because LinkCommandIo is a subset of CliIo:
 *
 *   if (command === 'link') return await runLinkCommand({ ...io, argv: rest }, { command: 'bulkhead link', loadStanding });
 *
 * Exit codes: 0 linked (unknown rule IDs are reported, not an error), 2 usage or input error.
 * Every error is one line on standard error naming the input, never a stack trace.
 */
import { readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { printable } from '../cli/printable.ts';
import { FINDING_FORMATS, LinkInputError, linkRead, readReport, type FindingFormat, type LinkedBytes } from './link.ts';
import { coalesce, textPieces } from './splice.ts';
import type { StandingOf } from './standing.ts';

export interface LinkCommandIo {
  argv: readonly string[];
  cwd: string;
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  /** Standard input, at most `limit` bytes: more than `limit` bytes back means it is over the limit. */
  readStdin: (limit: number) => Buffer;
  /** Reads a regular file of `size` bytes (default: the file system); tests inject failures here. */
  readFile?: (path: string, size: number) => Buffer;
  /** Writes output bytes as they are; without it the output goes to `stdout` as text in pieces of about 1 MiB. */
  stdoutBytes?: (chunk: Buffer) => void;
}

export interface LinkCommandOptions {
  /** How the usage line names the command. */
  command?: string;
  /** Rule standings for SARIF properties; by default read from this repository's content. */
  loadStanding?: () => Promise<StandingOf | undefined>;
  /** Largest report accepted (default MAX_REPORT_BYTES); tests lower it. */
  maxBytes?: number;
}

export const LINK_EXIT = { linked: 0, error: 2 } as const;

/**
 * Reports of several hundred MB are linked (memory is the input plus the findings' offsets); the
 * limit only keeps an endless stream on standard input from being buffered without end.
 */
export const MAX_REPORT_BYTES = 1024 * 1024 * 1024;

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

/** One line per failure: the message is what the user sees after the input's name. */
class CommandError extends Error {}

const usageOf = (command: string) => `usage: ${command} [--format ${FINDING_FORMATS.join('|')}] [FILE]   (FILE - or none: standard input; the linked report goes to standard output)`;

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

function fsReason(error: unknown): string {
  const code = error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
  if (code === 'ENOENT') return 'no such file';
  if (code === 'EACCES' || code === 'EPERM') return 'permission denied';
  if (code === 'EISDIR') return 'is a directory';
  return messageOf(error);
}

const mib = (bytes: number): string => `${(bytes / 1024 / 1024).toFixed(1).replace(/\.0$/, '')} MiB`;

function readInput(io: LinkCommandIo, file: string | undefined, limit: number): Buffer {
  if (file === undefined || file === '-') {
    let bytes: Buffer;
    try {
      bytes = io.readStdin(limit);
    } catch (error) {
      throw new CommandError(`cannot read standard input: ${fsReason(error)}`);
    }
    if (bytes.length > limit) throw new CommandError(`over the ${mib(limit)} input limit`);
    return bytes;
  }
  const path = resolve(io.cwd, file);
  let size: number;
  try {
    const stats = statSync(path);
    if (stats.isDirectory()) throw new CommandError('is a directory, not a report');
    size = stats.size;
  } catch (error) {
    if (error instanceof CommandError) throw error;
    throw new CommandError(`cannot read: ${fsReason(error)}`);
  }
  if (size > limit) throw new CommandError(`file is ${mib(size)}, over the ${mib(limit)} input limit`);
  try {
    return io.readFile ? io.readFile(path, size) : readFileSync(path);
  } catch (error) {
    throw new CommandError(`cannot read: ${fsReason(error)}`);
  }
}

/** "trivy-json, 2 findings linked to Bulkhead; not catalogued (1): KSV999" — IDs beyond 20 are counted, not listed. */
export function summaryLine(outcome: Omit<LinkedBytes, 'chunks'>): string {
  const parts = [`${outcome.format}, ${outcome.added} findings linked to Bulkhead`];
  if (outcome.alreadyLinked > 0) parts.push(`${outcome.alreadyLinked} already linked`);
  if (outcome.blocked > 0) parts.push(`${outcome.blocked} left alone (the keys for the link hold other values)`);
  let line = parts.join(', ');
  if (outcome.unknown.length > 0) {
    const shown = outcome.unknown.slice(0, 20).map((id) => printable(id.length > 80 ? `${id.slice(0, 80)}…` : id));
    const more = outcome.unknown.length - shown.length;
    line += `; not catalogued (${outcome.unknown.length}): ${shown.join(', ')}${more > 0 ? ` and ${more} more` : ''}`;
  }
  return line;
}

async function defaultStanding(): Promise<StandingOf | undefined> {
  const { loadStanding } = await import('./load-standing.ts');
  return loadStanding(ROOT);
}

interface Arguments {
  format: FindingFormat | undefined;
  file: string | undefined;
  help: boolean;
}

function parseArguments(argv: readonly string[]): Arguments {
  const parsed = parseArgs({ args: [...argv], options: { format: { type: 'string' }, help: { type: 'boolean', short: 'h' } }, allowPositionals: true, strict: true });
  const requested = parsed.values.format;
  if (requested !== undefined && !(FINDING_FORMATS as readonly string[]).includes(requested)) throw new CommandError(`--format ${requested}: unknown format`);
  // One report, one output: a second file would have to share standard output, so it is refused, not ignored.
  if (parsed.positionals.length > 1) throw new CommandError(`one report at a time, got ${parsed.positionals.length} (${parsed.positionals.join(', ')}); run once per file, e.g. for f in *.json; do … "$f" > "linked-$f"; done`);
  return { format: requested as FindingFormat | undefined, file: parsed.positionals[0], help: parsed.values.help === true };
}

async function link(io: LinkCommandIo, args: Arguments, options: LinkCommandOptions): Promise<string> {
  const report = readReport(readInput(io, args.file, options.maxBytes ?? MAX_REPORT_BYTES), args.format);
  // Only SARIF has room for the relation, so only SARIF pays for reading the content; content that
  // cannot be read costs the relation, not the links.
  const standing = report.format === 'sarif' ? await (options.loadStanding ?? defaultStanding)().catch(() => undefined) : undefined;
  const linked = linkRead(report, standing ? { standing } : {});
  if (io.stdoutBytes) for (const chunk of coalesce(linked.chunks)) io.stdoutBytes(chunk);
  else for (const piece of textPieces(linked.chunks)) io.stdout(piece);
  return summaryLine(linked);
}

export async function runLinkCommand(io: LinkCommandIo, options: LinkCommandOptions = {}): Promise<number> {
  const usage = usageOf(options.command ?? 'bulkhead link');
  let args: Arguments;
  try {
    args = parseArguments(io.argv);
  } catch (error) {
    io.stderr(`${printable(messageOf(error))}\n${usage}\n`);
    return LINK_EXIT.error;
  }
  if (args.help) {
    io.stdout(`${usage}\n`);
    return LINK_EXIT.linked;
  }
  const source = printable(args.file === undefined || args.file === '-' ? '(stdin)' : args.file);
  try {
    io.stderr(`${source}: ${await link(io, args, options)}\n`);
    return LINK_EXIT.linked;
  } catch (error) {
    const known = error instanceof CommandError || error instanceof LinkInputError;
    io.stderr(`${source}: ${known ? '' : 'internal error: '}${printable(messageOf(error))}\n`);
    return LINK_EXIT.error;
  }
}
