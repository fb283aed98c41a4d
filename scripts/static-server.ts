/**
 * A minimal static server for a built site, used by the browser tests, screenshots and
 * benchmarks: `node scripts/static-server.ts DIR PORT [BASE]`. It behaves like a static host: gzip,
 * directory index.html, /404.html with status 404. With BASE (/kb/, for a build made with
 * BULKHEAD_BASE=/kb/) the site is served under that path only, as on GitHub Pages for a project. (astro preview allows one server per project,
 * and the tests serve two builds at once.)
 */
import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import { extname, join, normalize, resolve } from 'node:path';
import { createGzip } from 'node:zlib';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.csv': 'text/csv; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.xml': 'application/xml; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
  '.wasm': 'application/wasm',
  '.pf_meta': 'application/octet-stream',
  '.pf_fragment': 'application/octet-stream',
  '.pf_index': 'application/octet-stream',
  '.pf_filter': 'application/octet-stream',
};
const COMPRESSIBLE = new Set(['.html', '.css', '.js', '.mjs', '.json', '.csv', '.svg', '.xml', '.txt']);

export function serveStatic(root: string, port: number, host = '127.0.0.1', basePath = '/') {
  const base = resolve(root);
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', `http://${host}`);
    // A malformed escape (%E0%A4%A) names no file; like a static host, answer with the 404 page.
    let decoded: string | undefined;
    try {
      // Outside the base path nothing is served: the 404 page answers, as a host would.
      decoded = url.pathname.startsWith(basePath) ? decodeURIComponent(`/${url.pathname.slice(basePath.length)}`) : undefined;
    } catch {
      decoded = undefined;
    }
    let path = decoded === undefined ? base : normalize(join(base, decoded));
    if (!path.startsWith(base)) path = base;
    let status = 200;
    if (decoded !== undefined && existsSync(path) && statSync(path).isDirectory()) {
      if (!url.pathname.endsWith('/')) {
        response.writeHead(301, { Location: `${url.pathname}/${url.search}` }).end();
        return;
      }
      path = join(path, 'index.html');
    }
    if (decoded === undefined || !existsSync(path)) {
      status = 404;
      path = join(base, '404.html');
    }
    const extension = extname(path);
    const headers: Record<string, string> = { 'Content-Type': TYPES[extension] ?? 'application/octet-stream', 'Cache-Control': 'no-cache' };
    const gzip = COMPRESSIBLE.has(extension) && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
    if (gzip) headers['Content-Encoding'] = 'gzip';
    response.writeHead(status, headers);
    const stream = createReadStream(path);
    (gzip ? stream.pipe(createGzip()) : stream).pipe(response);
  });
  server.listen(port, host);
  return server;
}

if (import.meta.main) {
  const [root = 'dist', port = '4321', basePath = '/'] = process.argv.slice(2);
  serveStatic(root, Number(port), '127.0.0.1', basePath);
  console.log(`serving ${root} at http://127.0.0.1:${port}${basePath}`);
}
