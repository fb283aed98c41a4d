import { existsSync, readdirSync, readFileSync } from 'node:fs';
import type { ContentGraph } from '../graph/graph.ts';
import { ID_FORMATS, type CollectionName } from '../model/vocabulary.ts';
import { parseLock } from '../refs/published-urls.ts';

type IdCollection = Exclude<CollectionName, 'sources' | 'stages'>;

/**
 * The next free ID of a collection. An ID is taken once it was ever used: by an entry, as an
 * alias, as a URL that was published (the URL lock), or by a file in the collection's folder —
 * even one whose frontmatter is invalid and so is missing from the graph.
 */
export function nextFreeId(graph: ContentGraph, collection: IdCollection, lockFile?: string, collectionDir?: string): string {
  const { prefix } = ID_FORMATS[collection];
  const numbers: number[] = [];
  const take = (text: string) => {
    const match = new RegExp(`^${prefix}(\\d+)$`, 'i').exec(text);
    if (match?.[1]) numbers.push(Number(match[1]));
  };
  for (const entry of graph.allPagedEntries()) {
    take(entry.data.id);
    entry.data.aliases.forEach(take);
  }
  if (collectionDir && existsSync(collectionDir)) {
    for (const name of readdirSync(collectionDir)) take(/^([a-z]+-[a-z]+-\d+)/i.exec(name)?.[1] ?? '');
  }
  if (lockFile && existsSync(lockFile)) {
    for (const url of parseLock(readFileSync(lockFile, 'utf8'))) {
      const segment = new RegExp(`^/${collection}/([^/]+)/$`).exec(url)?.[1];
      if (segment) take(segment);
    }
  }
  const next = Math.max(0, ...numbers) + 1;
  return `${prefix}${String(next).padStart(3, '0')}`;
}
