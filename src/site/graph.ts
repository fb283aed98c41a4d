import { resolve } from 'node:path';
import { getCollection, render, type CollectionEntry } from 'astro:content';
import type { IdEntry } from '../graph/entries.ts';
import type { ContentGraph } from '../graph/graph.ts';
import { validateContent } from '../integrity/validate.ts';
import { contentDirOverride } from './content-dir.ts';

// Astro bundles this module into dist/, so its own location says nothing; builds run from the project root.
const rootDir = process.cwd();
let cached: ContentGraph | undefined;

/**
 * The content graph every page reads. Built by the same loader and schemas as
 * `npm run check:content`; the build has already failed if any integrity rule did, so the rules
 * are not run again here (their problems would be thrown away).
 */
export function getGraph(): ContentGraph {
  if (!cached || import.meta.env.DEV) {
    const override = contentDirOverride();
    cached = validateContent(rootDir, { rules: [], ...(override ? { contentDir: override } : {}) }).graph;
  }
  return cached;
}

type BodyCollection = 'stages' | 'risks' | 'mitigations' | 'checks' | 'concepts' | 'incidents';
let byFile: Map<string, CollectionEntry<BodyCollection>> | undefined;

/** Astro renders the MDX body; the graph entry tells which file it is. */
export async function renderBody(entry: IdEntry) {
  if (!byFile || import.meta.env.DEV) {
    const all = await Promise.all((['stages', 'risks', 'mitigations', 'checks', 'concepts', 'incidents'] as const).map((name) => getCollection(name)));
    byFile = new Map(all.flat().map((item) => [resolve(rootDir, item.filePath ?? ''), item]));
  }
  // Paths compared absolute: Astro and the loader may spell a content tree outside the project differently.
  const astroEntry = byFile.get(resolve(rootDir, entry.file));
  if (!astroEntry) throw new Error(`${entry.file}: Astro has no content entry for this file`);
  return render(astroEntry);
}
