import type { IdEntry } from '../graph/entries.ts';
import type { ContentGraph } from '../graph/graph.ts';
import { entryUrl, withBase } from '../model/urls.ts';

/** An entry's link on a page: its path under the site's base (BULKHEAD_BASE). */
export const urlOf = (entry: IdEntry): string => withBase(entryUrl(entry));

export interface EntryRoute<E extends IdEntry> {
  params: { id: string };
  props: { entry: E; redirect: boolean };
}

/**
 * Static paths of one collection: a page per entry at its lower-case ID, and a redirect page per
 * alias so links to old IDs and slugs keep working.
 */
export function entryRoutes<K extends Exclude<IdEntry['kind'], 'stages'>>(graph: ContentGraph, kind: K): EntryRoute<Extract<IdEntry, { kind: K }>>[] {
  const entries = graph.allPagedEntries().filter((entry): entry is Extract<IdEntry, { kind: K }> => entry.kind === kind);
  return entries.flatMap((entry) => {
    const { id, aliases } = (entry as IdEntry).data;
    return [
      { params: { id: id.toLowerCase() }, props: { entry, redirect: false } },
      ...aliases.map((alias) => ({ params: { id: alias.toLowerCase() }, props: { entry, redirect: true } })),
    ];
  });
}
