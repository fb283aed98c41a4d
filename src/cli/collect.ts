import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { extname, join, relative, resolve } from 'node:path';
import { isCandidateName, type InputProblem } from '../artifacts/artifact.ts';
import { LIST_HEAD_BYTES, startsLikeJsonList } from '../artifacts/json-list.ts';

/** Manifests are kilobytes; anything this large is a mistake (a log, an image tarball), not an input. */
export const MAX_INPUT_BYTES = 10 * 1024 * 1024;

export interface InputFile {
  /** The name findings use: relative to the working directory, or "<stdin>". */
  name: string;
  text: string;
  /** True when the user named the file; a directory walk skips files that are not artifacts. */
  named: boolean;
}

export interface Collected {
  files: InputFile[];
  problems: InputProblem[];
}

const SKIPPED_DIRECTORIES = new Set(['node_modules', '.git']);

function errorCode(error: unknown): string {
  return error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
}

export function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'symbolic link loop';
    case 'EISDIR': return 'is a directory';
    // mkdir -p of a path with a file where a directory should be.
    case 'ENOTDIR':
    case 'EEXIST': return 'a part of the path is not a directory';
    case 'ENOSPC': return 'no space left on device';
    case 'EROFS': return 'read-only file system';
    default: return error instanceof Error ? error.message : String(error);
  }
}

/** How the run reads input bytes; tests replace it to simulate failures that root cannot cause (EACCES). */
export interface InputReader {
  /** Standard input, at most `limit` bytes; more than `limit` bytes means the input is over the limit. */
  readStdin(limit: number): Buffer;
  /** A regular file of `size` bytes (its size when it was listed). */
  readFile?(path: string, size: number): Buffer;
}

function readWholeFile(path: string, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  const descriptor = openSync(path, 'r');
  let offset = 0;
  try {
    while (offset < size) {
      const read = readSync(descriptor, buffer, offset, size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
  } finally {
    closeSync(descriptor);
  }
  // A file that shrank since it was listed ends where its bytes end, not in zeros.
  return buffer.subarray(0, offset);
}

const MIB = 1024 * 1024;
const LIMIT_MIB = MAX_INPUT_BYTES / MIB;

/**
 * `kubectl get -A -o json` of a large cluster is hundreds of megabytes, and such a List is read
 * one item at a time (artifacts/json-list.ts), so a `.json` file that starts like one may be this
 * large (below V8's longest string, 2^29 - 24 characters). Standard input has no name: there a
 * List is known by its start alone.
 */
export const MAX_JSON_LIST_BYTES = 500 * MIB;

/**
 * Standard input over the limit is read on to tell its size, as a file's is told (and so that the
 * command writing it, such as kubectl, is not cut off by a closed pipe), without keeping it; an
 * endless stream is refused once as much as the largest List has gone by.
 */
export const MAX_COUNTED_STDIN_BYTES = MAX_JSON_LIST_BYTES;

/** Standard input past the input limit is read in steps of this size. */
const STDIN_STEP_BYTES = MIB;

/** Why an input over its limit is refused: the same words for a file and for standard input. */
function overLimit(size: number, list: boolean, moreThan = false): string {
  const amount = `${moreThan ? 'more than ' : ''}${(size / MIB).toFixed(1)} MiB`;
  return list ? `file is ${amount}, over the ${MAX_JSON_LIST_BYTES / MIB} MiB limit for a Kubernetes JSON List` : `file is ${amount}, over the ${LIMIT_MIB} MiB input limit`;
}

function isJsonListFile(path: string): boolean {
  if (extname(path).toLowerCase() !== '.json') return false;
  try {
    return startsLikeJsonList(readHead(path, LIST_HEAD_BYTES).toString('utf8'));
  } catch {
    return false;
  }
}

function readHead(path: string, size: number): Buffer {
  const buffer = Buffer.alloc(size);
  const descriptor = openSync(path, 'r');
  try {
    return buffer.subarray(0, readSync(descriptor, buffer, 0, size, 0));
  } finally {
    closeSync(descriptor);
  }
}

/** Reads a file as UTF-8 text, refusing binaries, empty files, oversized and unreadable files with a reason. */
export function readTextFile(path: string, stats: Stats, read: (path: string, size: number) => Buffer = readWholeFile): { text: string } | { problem: string } {
  if (stats.size === 0) return { problem: 'empty file' };
  if (stats.size > MAX_INPUT_BYTES) {
    const list = isJsonListFile(path);
    if (!list || stats.size > MAX_JSON_LIST_BYTES) return { problem: overLimit(stats.size, list) };
  }
  let buffer: Buffer;
  try {
    buffer = read(path, stats.size);
  } catch (error) {
    return { problem: `cannot read file: ${describeFsError(error)}` };
  }
  return decodeText(buffer);
}

/**
 * Reads the rest of standard input without keeping it, `counted` bytes having been read: its
 * whole size, or `ended: false` when it goes on past MAX_COUNTED_STDIN_BYTES.
 */
function countRest(readStdin: (limit: number) => Buffer, counted: number): { size: number; ended: boolean } {
  let size = counted;
  while (size <= MAX_COUNTED_STDIN_BYTES) {
    const asked = Math.min(STDIN_STEP_BYTES, MAX_COUNTED_STDIN_BYTES - size);
    const piece = readStdin(asked);
    size += piece.length;
    // Up to `asked` bytes back means the input ended; `asked` + 1 means there is more.
    if (piece.length <= asked) return { size, ended: true };
  }
  return { size: MAX_COUNTED_STDIN_BYTES, ended: false };
}

/**
 * Reads standard input as a file of that size would be read: up to the input limit, or, when it
 * starts like a Kubernetes JSON List (`kubectl get -A -o json | bulkhead check -`), up to the
 * List limit, to be checked one item at a time. Anything larger is refused with a file's message
 * (its size is counted, not kept), and an endless stream is refused, never buffered.
 */
export function readStdinText(readStdin: (limit: number) => Buffer): { text: string } | { problem: string } {
  try {
    const head = readStdin(MAX_INPUT_BYTES);
    if (head.length <= MAX_INPUT_BYTES) return decodeText(head);
    const list = startsLikeJsonList(head.subarray(0, LIST_HEAD_BYTES).toString('utf8'));
    if (!list) {
      const { size, ended } = countRest(readStdin, head.length);
      return { problem: overLimit(size, false, !ended) };
    }
    if (head.subarray(0, 8192).includes(0)) return decodeText(head);
    return readStdinList(readStdin, head);
  } catch (error) {
    return { problem: `cannot read standard input: ${describeFsError(error)}` };
  }
}

/**
 * Room for a whole List read from standard input. Its size is not known ahead, so the room is
 * the List limit: memory pages are taken only as bytes are written, so a 200 MiB List costs 200
 * MiB, and the text is decoded from it once, as a file's is (pieces joined as strings cost twice
 * that, once for the pieces and once for the joined text).
 */
function listRoom(): Buffer | undefined {
  try {
    return Buffer.allocUnsafe(MAX_JSON_LIST_BYTES + 1);
  } catch {
    // A system that commits memory up front may refuse that much at once.
    return undefined;
  }
}

/** The rest of a List on standard input, up to the List limit (the text is then checked one item at a time). */
function readStdinList(readStdin: (limit: number) => Buffer, head: Buffer): { text: string } | { problem: string } {
  const room = listRoom();
  let pieces: Buffer[] = [];
  const keep = (piece: Buffer, at: number) => (room ? piece.copy(room, at) : pieces.push(piece));
  keep(head, 0);
  let size = head.length;
  for (;;) {
    const asked = Math.min(STDIN_STEP_BYTES, MAX_JSON_LIST_BYTES - size);
    const piece = readStdin(asked);
    if (size + piece.length > MAX_JSON_LIST_BYTES) {
      pieces = [];
      const counted = countRest(readStdin, size + piece.length);
      return { problem: overLimit(counted.size, true, !counted.ended) };
    }
    keep(piece, size);
    size += piece.length;
    if (piece.length <= asked) break;
  }
  return decodeText(room ? room.subarray(0, size) : Buffer.concat(pieces, size));
}

export function decodeText(buffer: Buffer): { text: string } | { problem: string } {
  if (buffer.length === 0) return { problem: 'empty input' };
  if (buffer.subarray(0, 8192).includes(0)) return { problem: 'binary file (contains NUL bytes), not a text manifest' };
  const text = buffer.toString('utf8');
  if (text.trim() === '') return { problem: 'file holds only whitespace' };
  return { text };
}

/** A directory being walked: its entries, the next one to visit, and the directory it is in. */
interface WalkFrame {
  path: string;
  real: string;
  names: string[];
  next: number;
  parent: WalkFrame | undefined;
}

function isAncestor(frame: WalkFrame | undefined, real: string): boolean {
  for (let current = frame; current; current = current.parent) if (current.real === real) return true;
  return false;
}

/**
 * Expands the paths given on the command line into input files. Directories are walked
 * recursively, following symlinks; each real directory is visited once however many links lead
 * to it (a fan of links would otherwise be walked exponentially), and a link to a directory that
 * contains it is reported as a loop. Every unreadable path becomes a problem and the walk goes on.
 */
export function collectInputs(paths: readonly string[], cwd: string, reader: InputReader): Collected {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const display = (path: string) => relative(cwd, path) || path;
  const visited = new Set<string>();

  const visitFile = (path: string, stats: Stats, named: boolean) => {
    const result = readTextFile(path, stats, reader.readFile);
    if ('problem' in result) problems.push({ file: display(path), message: result.problem });
    else files.push({ name: display(path), text: result.text, named });
  };

  /** A frame for a directory not seen before, or undefined (with a problem when it is a loop or unreadable). */
  const enter = (path: string, parent: WalkFrame | undefined): WalkFrame | undefined => {
    let real: string;
    try {
      real = realpathSync(path);
    } catch (error) {
      problems.push({ file: display(path), message: describeFsError(error) });
      return undefined;
    }
    if (visited.has(real)) {
      if (isAncestor(parent, real)) problems.push({ file: display(path), message: 'symbolic link loop: this directory contains itself; skipped' });
      return undefined;
    }
    visited.add(real);
    try {
      return { path, real, names: readdirSync(path).sort(), next: 0, parent };
    } catch (error) {
      problems.push({ file: display(path), message: `cannot read directory: ${describeFsError(error)}` });
      return undefined;
    }
  };

  // Depth-first with an explicit stack, in sorted order, so a deep tree cannot overflow the call stack.
  const walk = (directory: string) => {
    const root = enter(directory, undefined);
    const stack: WalkFrame[] = root ? [root] : [];
    for (let frame = stack.at(-1); frame; frame = stack.at(-1)) {
      const name = frame.names[frame.next++];
      if (name === undefined) {
        stack.pop();
        continue;
      }
      if (SKIPPED_DIRECTORIES.has(name)) continue;
      const path = join(frame.path, name);
      let stats: Stats;
      try {
        stats = statSync(path);
      } catch (error) {
        problems.push({ file: display(path), message: describeFsError(error) });
        continue;
      }
      if (stats.isDirectory()) {
        const child = enter(path, frame);
        if (child) stack.push(child);
      } else if (stats.isFile() && isCandidateName(name)) visitFile(path, stats, false);
    }
  };

  for (const argument of paths) {
    if (argument === '-') {
      const result = readStdinText(reader.readStdin);
      if ('problem' in result) problems.push({ file: '<stdin>', message: result.problem });
      else files.push({ name: '<stdin>', text: result.text, named: true });
      continue;
    }
    const path = resolve(cwd, argument);
    let stats: Stats;
    try {
      stats = statSync(path);
    } catch (error) {
      problems.push({ file: argument, message: describeFsError(error) });
      continue;
    }
    if (stats.isDirectory()) walk(path);
    else if (stats.isFile()) visitFile(path, stats, true);
    else problems.push({ file: argument, message: 'not a regular file or directory' });
  }
  return { files, problems };
}
