import { createMermaidRenderer } from 'mermaid-isomorphic';
import { chromium } from 'playwright';
import { chromiumLaunchOptions } from '../browser.ts';
import type { Problem } from '../integrity/problem.ts';
import { DIAGRAM_CACHE_DIR, diagramHash, isCached, writeCachedSvg } from './cache.ts';
import type { DiagramSource } from './collect.ts';

/** Each batch is a browser page that loads Mermaid first (about 0.7 s here), so batches are large. */
const MAX_BATCH = 1000;
/** Pages rendering at once: one per core of a small CI machine. */
const PARALLEL_BATCHES = 2;

export interface RenderStats {
  total: number;
  rendered: number;
  cached: number;
  /** False when every diagram came from the cache: a warm build starts no browser. */
  browserLaunched: boolean;
}

/**
 * Renders every diagram that is not cached yet, in one browser session, and stores the SVGs by
 * content hash. A diagram Mermaid rejects becomes a problem naming its file and field.
 */
export async function renderDiagrams(diagrams: readonly DiagramSource[], cacheDir = DIAGRAM_CACHE_DIR): Promise<{ stats: RenderStats; problems: Problem[] }> {
  const unique = new Map<string, DiagramSource[]>();
  for (const diagram of diagrams) {
    const hash = diagramHash(diagram.source);
    unique.set(hash, [...(unique.get(hash) ?? []), diagram]);
  }
  const misses = [...unique.entries()].filter(([, [first]]) => first && !isCached(first.source, cacheDir));
  const problems: Problem[] = [];
  if (misses.length > 0) {
    const renderer = createMermaidRenderer({ browserType: chromium, launchOptions: chromiumLaunchOptions() });
    // One browser, diagrams in as few batches as keep every parallel page busy: loading Mermaid
    // into a page costs more than rendering dozens of diagrams in it. The batches are of equal
    // size and a multiple of the pages in number, so no page idles in the last round (5,005
    // diagrams: 6 × 835, not 5 × 1,000 + 5).
    const batchCount = Math.ceil(misses.length / MAX_BATCH / PARALLEL_BATCHES) * PARALLEL_BATCHES;
    const size = Math.ceil(misses.length / batchCount);
    const batches: (typeof misses)[] = [];
    for (let start = 0; start < misses.length; start += size) batches.push(misses.slice(start, start + size));
    const renderBatch = async (batch: typeof misses) => {
      const sources = batch.map(([, owners]) => owners[0]?.source ?? '');
      const prefix = `bh-${diagramHash(sources.join('\0')).slice(0, 10)}`;
      const results = await renderer(sources, { prefix, mermaidConfig: { theme: 'neutral', flowchart: { htmlLabels: false } } });
      batch.forEach(([, owners], index) => {
        const result = results[index];
        const source = sources[index] ?? '';
        if (result?.status === 'fulfilled') writeCachedSvg(source, result.value.svg, cacheDir);
        else {
          const reason = result?.status === 'rejected' ? String(result.reason instanceof Error ? result.reason.message : result.reason).split('\n').slice(0, 3).join(' ') : 'no result';
          for (const owner of owners) problems.push({ rule: 'diagram', file: owner.file, field: owner.field, message: `Mermaid cannot render this diagram: ${reason}` });
        }
      });
    };
    for (let start = 0; start < batches.length; start += PARALLEL_BATCHES) await Promise.all(batches.slice(start, start + PARALLEL_BATCHES).map(renderBatch));
  }
  return { stats: { total: unique.size, rendered: misses.length - problems.length, cached: unique.size - misses.length, browserLaunched: misses.length > 0 }, problems };
}
