import { closeSync, openSync, readdirSync, readSync, realpathSync, statSync, type Stats } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { isCandidateName, type InputProblem } from '../artifacts/artifact.ts';

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

function describeFsError(error: unknown): string {
  switch (errorCode(error)) {
    case 'ENOENT': return 'no such file or directory';
    case 'EACCES':
    case 'EPERM': return 'permission denied';
    case 'ELOOP': return 'symbolic link loop';
    case 'EISDIR': return 'is a directory';
    default: return error instanceof Error ? error.message : String(error);
  }
}

/** Reads a file as UTF-8 text, refusing binaries, empty files and oversized files with a reason. */
export function readTextFile(path: string, stats: Stats): { text: string } | { problem: string } {
  if (stats.size === 0) return { problem: 'empty file' };
  if (stats.size > MAX_INPUT_BYTES) return { problem: `file is ${(stats.size / 1024 / 1024).toFixed(1)} MiB, over the ${MAX_INPUT_BYTES / 1024 / 1024} MiB input limit` };
  const buffer = Buffer.alloc(stats.size);
  const descriptor = openSync(path, 'r');
  try {
    let offset = 0;
    while (offset < stats.size) {
      const read = readSync(descriptor, buffer, offset, stats.size - offset, offset);
      if (read === 0) break;
      offset += read;
    }
  } finally {
    closeSync(descriptor);
  }
  return decodeText(buffer);
}

export function decodeText(buffer: Buffer): { text: string } | { problem: string } {
  if (buffer.length === 0) return { problem: 'empty input' };
  if (buffer.subarray(0, 8192).includes(0)) return { problem: 'binary file (contains NUL bytes), not a text manifest' };
  const text = buffer.toString('utf8');
  if (text.trim() === '') return { problem: 'file holds only whitespace' };
  return { text };
}

/**
 * Expands the paths given on the command line into input files. Directories are walked
 * recursively (following symlinks, detecting loops); every unreadable path becomes a problem
 * and the walk goes on.
 */
export function collectInputs(paths: readonly string[], cwd: string, readStdin: () => Buffer): Collected {
  const files: InputFile[] = [];
  const problems: InputProblem[] = [];
  const display = (path: string) => relative(cwd, path) || path;

  const visitFile = (path: string, stats: Stats, named: boolean) => {
    const result = readTextFile(path, stats);
    if ('problem' in result) problems.push({ file: display(path), message: result.problem });
    else files.push({ name: display(path), text: result.text, named });
  };

  const walk = (directory: string, ancestors: Set<string>) => {
    let real: string;
    try {
      real = realpathSync(directory);
    } catch (error) {
      problems.push({ file: display(directory), message: describeFsError(error) });
      return;
    }
    if (ancestors.has(real)) {
      problems.push({ file: display(directory), message: 'symbolic link loop: this directory contains itself; skipped' });
      return;
    }
    let names: string[];
    try {
      names = readdirSync(directory).sort();
    } catch (error) {
      problems.push({ file: display(directory), message: `cannot read directory: ${describeFsError(error)}` });
      return;
    }
    const inside = new Set(ancestors).add(real);
    for (const name of names) {
      if (SKIPPED_DIRECTORIES.has(name)) continue;
      const path = join(directory, name);
      let stats: Stats;
      try {
        stats = statSync(path);
      } catch (error) {
        problems.push({ file: display(path), message: describeFsError(error) });
        continue;
      }
      if (stats.isDirectory()) walk(path, inside);
      else if (stats.isFile() && isCandidateName(name)) visitFile(path, stats, false);
    }
  };

  for (const argument of paths) {
    if (argument === '-') {
      const result = decodeText(readStdin());
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
    if (stats.isDirectory()) walk(path, new Set());
    else if (stats.isFile()) visitFile(path, stats, true);
    else problems.push({ file: argument, message: 'not a regular file or directory' });
  }
  return { files, problems };
}
