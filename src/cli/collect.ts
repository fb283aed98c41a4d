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

const LIMIT_MIB = MAX_INPUT_BYTES / 1024 / 1024;

/**
 * `kubectl get -A -o json` of a large cluster is hundreds of megabytes, and such a List is read
 * one item at a time (artifacts/json-list.ts), so a `.json` file that starts like one may be this
 * large (below V8's longest string, 2^29 - 24 characters).
 */
export const MAX_JSON_LIST_BYTES = 500 * 1024 * 1024;

function isLargeJsonList(path: string, size: number): boolean {
  if (size > MAX_JSON_LIST_BYTES || extname(path).toLowerCase() !== '.json') return false;
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
  if (stats.size > MAX_INPUT_BYTES && !isLargeJsonList(path, stats.size)) return { problem: `file is ${(stats.size / 1024 / 1024).toFixed(1)} MiB, over the ${LIMIT_MIB} MiB input limit` };
  let buffer: Buffer;
  try {
    buffer = read(path, stats.size);
  } catch (error) {
    return { problem: `cannot read file: ${describeFsError(error)}` };
  }
  return decodeText(buffer);
}

/** Reads standard input up to the file size limit, so that an endless stream is refused, not buffered. */
export function readStdinText(readStdin: (limit: number) => Buffer): { text: string } | { problem: string } {
  let buffer: Buffer;
  try {
    buffer = readStdin(MAX_INPUT_BYTES);
  } catch (error) {
    return { problem: `cannot read standard input: ${describeFsError(error)}` };
  }
  if (buffer.length > MAX_INPUT_BYTES) return { problem: `standard input is over the ${LIMIT_MIB} MiB input limit` };
  return decodeText(buffer);
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
