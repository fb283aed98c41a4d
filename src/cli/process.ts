/**
 * Wires a CLI entry to the real process: standard input with a limit, quiet ends on a closed
 * pipe, one-line internal errors. run.ts (the repository) and package-entry.ts (the npm package)
 * both start the CLI through runProcess().
 */
import { readSync } from 'node:fs';
import type { CliIo } from './main.ts';
import { printable } from './printable.ts';

const STDIN = 0;
const CHUNK_BYTES = 64 * 1024;

function errorCode(error: unknown): string {
  return error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '';
}

/** Blocks the thread for a moment: standard input can be a non-blocking pipe that is not ready yet. */
function pause(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/**
 * Reads standard input up to `limit` + 1 bytes and stops there, so an endless or huge stream is
 * refused after the limit instead of being buffered whole (40 MB took 1.5 GB with readFileSync).
 */
function readStdin(limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= limit) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit + 1 - total));
    let read: number;
    try {
      read = readSync(STDIN, chunk, 0, chunk.length, null);
    } catch (error) {
      if (errorCode(error) === 'EAGAIN') {
        // Importing node:process (vfile does) makes a piped stdin non-blocking, so a fast producer
        // still leaves the pipe empty hundreds of times per 200 MiB; 10 ms per wait cost seconds.
        pause(1);
        continue;
      }
      if (errorCode(error) === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks, total);
}

/**
 * A reader that goes away (`bulkhead check … | head`) closes the pipe: further output is
 * pointless, so it is dropped quietly and the run keeps its exit code. Any other write error is
 * one line, not a stack trace.
 */
function quietOnClosedPipe(stream: NodeJS.WriteStream): void {
  stream.on('error', (error: unknown) => {
    const code = errorCode(error);
    if (code === 'EPIPE' || code === 'ERR_STREAM_DESTROYED') return;
    process.stderr.write(`bulkhead: cannot write output: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exitCode = 2;
  });
}

/** The last resort: a bug that escaped main() is one line, exit 2, never a stack trace (unless BULKHEAD_DEBUG is set). */
function reportInternalError(error: unknown): void {
  const message = error instanceof Error ? error.message : String(error);
  try {
    process.stderr.write(`bulkhead: internal error: ${printable(message)}\n`);
    if (process.env.BULKHEAD_DEBUG && error instanceof Error) process.stderr.write(`${error.stack ?? ''}\n`);
  } finally {
    process.exit(2);
  }
}

/** Runs `entry` with the process's arguments, streams and environment and sets the exit code it returns. */
export async function runProcess(entry: (io: CliIo) => Promise<number>): Promise<void> {
  quietOnClosedPipe(process.stdout);
  quietOnClosedPipe(process.stderr);
  process.on('uncaughtException', reportInternalError);
  process.on('unhandledRejection', reportInternalError);

  process.exitCode = await entry({
    argv: process.argv.slice(2),
    cwd: process.cwd(),
    env: process.env,
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    readStdin,
    isTty: Boolean(process.stdout.isTTY),
  });
}
