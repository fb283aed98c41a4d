#!/usr/bin/env node
// Launcher for `bulkhead`.
// - Installed from npm (no src/ beside bin/): runs dist-cli/bulkhead.mjs, the plain-JavaScript
//   bundle scripts/package.ts builds at pack time, on any Node >= 20.
// - In the repository: the CLI is TypeScript run by Node's type stripping (Node >= 22.18 by
//   default, 22.6–22.17 with a flag). On an older Node it re-runs itself with the Node 24 that the
//   project's `node` devDependency installs, so `npx bulkhead` works on a Node 20 machine too.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const [major, minor] = process.versions.node.split('.').map(Number);
const entry = fileURLToPath(new URL('../src/cli/run.ts', import.meta.url));

if (!existsSync(entry)) {
  await import(new URL('../dist-cli/bulkhead.mjs', import.meta.url).href);
} else if (major > 22 || (major === 22 && minor >= 18)) {
  await import(new URL('../src/cli/run.ts', import.meta.url).href);
} else {
  const local = fileURLToPath(new URL('../node_modules/node/bin/node', import.meta.url));
  const [command, flags] = major === 22 && minor >= 6 ? [process.execPath, ['--experimental-strip-types', '--no-warnings']] : [local, []];
  if (!existsSync(command)) {
    process.stderr.write(`bulkhead: needs Node >= 22.18 (this is ${process.versions.node}); run npm install in the project to get its Node 24\n`);
    process.exit(2);
  }
  const result = spawnSync(command, [...flags, entry, ...process.argv.slice(2)], { stdio: 'inherit' });
  process.exit(result.status ?? 2);
}
