/**
 * npm run -s link-findings -- [--format F] [FILE]  (reads stdin without FILE or with -)
 * Adds a link to its Bulkhead page to each finding of a Trivy, Kubescape, kube-bench,
 * docker-bench or Checkov report (JSON or SARIF), changing nothing else, and prints the result on
 * stdout. The work is in src/linker/command.ts; this file wires it to the process.
 */
import { readSync } from 'node:fs';
import { runLinkCommand } from '../src/linker/command.ts';

const STDIN = 0;
const CHUNK_BYTES = 1024 * 1024;

const codeOf = (error: unknown): string => (error !== null && typeof error === 'object' && 'code' in error ? String(error.code) : '');

/** Blocks for a moment: standard input can be a non-blocking pipe that has no data yet. */
function pause(milliseconds: number): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, milliseconds);
}

/** Standard input up to `limit` + 1 bytes, so an endless stream is refused instead of buffered. */
function readStdin(limit: number): Buffer {
  const chunks: Buffer[] = [];
  let total = 0;
  while (total <= limit) {
    const chunk = Buffer.allocUnsafe(Math.min(CHUNK_BYTES, limit + 1 - total));
    let read: number;
    try {
      read = readSync(STDIN, chunk, 0, chunk.length, null);
    } catch (error) {
      if (codeOf(error) === 'EAGAIN') {
        pause(10);
        continue;
      }
      if (codeOf(error) === 'EOF') break;
      throw error;
    }
    if (read === 0) break;
    chunks.push(chunk.subarray(0, read));
    total += read;
  }
  return Buffer.concat(chunks, total);
}

// A reader that goes away (`… | head`) closes the pipe: the rest of the output is dropped quietly.
process.stdout.on('error', (error: unknown) => {
  if (codeOf(error) === 'EPIPE') return;
  process.stderr.write(`link-findings: cannot write output: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exitCode = 2;
});

process.exitCode = await runLinkCommand(
  { argv: process.argv.slice(2), cwd: process.cwd(), stdout: (text) => process.stdout.write(text), stdoutBytes: (chunk) => process.stdout.write(chunk), stderr: (text) => process.stderr.write(text), readStdin },
  { command: 'npm run -s link-findings --' },
);
