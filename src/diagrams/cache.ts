import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { sanitizeSvg } from './sanitize.ts';

/** Bump when the render options change, so old cached SVGs are not reused. */
const RENDER_VERSION = 'mermaid-isomorphic-3.1/neutral/v1';

/** Survives between builds; BULKHEAD_DIAGRAM_CACHE moves it (the scale benchmark starts cold). */
export const DIAGRAM_CACHE_DIR = process.env.BULKHEAD_DIAGRAM_CACHE || join(process.cwd(), 'node_modules', '.cache', 'bulkhead-diagrams');

export function diagramHash(source: string): string {
  return createHash('sha256').update(RENDER_VERSION).update('\0').update(source.trim()).digest('hex').slice(0, 16);
}

function pathOf(hash: string, cacheDir: string): string {
  return join(cacheDir, `${hash}.svg`);
}

/** The rendered SVG of a diagram, sanitized on the way out (see sanitize.ts), so a cache written by an older build cannot carry markup either. */
export function readCachedSvg(source: string, cacheDir = DIAGRAM_CACHE_DIR): string | undefined {
  const path = pathOf(diagramHash(source), cacheDir);
  return existsSync(path) ? sanitizeSvg(readFileSync(path, 'utf8')) : undefined;
}

export function writeCachedSvg(source: string, svg: string, cacheDir = DIAGRAM_CACHE_DIR): void {
  mkdirSync(cacheDir, { recursive: true });
  writeFileSync(pathOf(diagramHash(source), cacheDir), svg);
}

export function isCached(source: string, cacheDir = DIAGRAM_CACHE_DIR): boolean {
  return existsSync(pathOf(diagramHash(source), cacheDir));
}
