/** Process entry of the CLI: wires main() to the real process. bin/bulkhead.mjs imports this. */
import { readFileSync } from 'node:fs';
import { main } from './main.ts';

const code = await main({
  argv: process.argv.slice(2),
  cwd: process.cwd(),
  env: process.env,
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  readStdin: () => readFileSync(0),
  isTty: Boolean(process.stdout.isTTY),
});
process.exitCode = code;
