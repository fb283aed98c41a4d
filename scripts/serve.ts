/**
 * Serves a built site for scripts (screenshots, benchmarks) and returns once it answers.
 */
import { serveStatic } from './static-server.ts';

export interface PreviewServer {
  url: string;
  stop(): Promise<void>;
}

export async function startPreview(port = 4321, root = 'dist', host = '127.0.0.1'): Promise<PreviewServer> {
  const server = serveStatic(root, port, host);
  await new Promise<void>((resolve) => server.once('listening', () => resolve()));
  // Port 0 asks the system for a free port: several scripts can then run side by side.
  const address = server.address();
  const actual = address && typeof address === 'object' ? address.port : port;
  return { url: `http://${host}:${actual}`, stop: () => new Promise((resolve) => server.close(() => resolve())) };
}
