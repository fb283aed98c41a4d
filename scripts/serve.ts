/**
 * Starts `astro preview` for dist/ and returns once it answers. Used by the browser tests and
 * the benchmarks; started as node directly (not npx) so stopping it leaves no child behind.
 */
import { spawn, type ChildProcess } from 'node:child_process';

export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

export async function startPreview(port = 4321, host = '127.0.0.1'): Promise<PreviewServer> {
  const child: ChildProcess = spawn(process.execPath, ['node_modules/astro/bin/astro.mjs', 'preview', '--host', host, '--port', String(port)], { stdio: ['ignore', 'pipe', 'pipe'] });
  const url = `http://${host}:${port}`;
  const deadline = Date.now() + 30_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`astro preview exited with code ${child.exitCode}`);
    try {
      const response = await fetch(`${url}/`);
      if (response.ok) break;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
  }
  return {
    url,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
