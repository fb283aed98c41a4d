import type { CollectionName } from './vocabulary.ts';
import { entryPath } from './urls.ts';

/** A Bulkhead ID written in running text, e.g. "see BH-CO-007". */
export const ID_MENTION = /\bBH-(S|R|M|CK|CO|IN)-\d{3,}\b/g;

const COLLECTION_OF_PREFIX: Record<string, Exclude<CollectionName, 'sources'>> = { S: 'stages', R: 'risks', M: 'mitigations', CK: 'checks', CO: 'concepts', IN: 'incidents' };

/** The page of a mentioned ID (stages redirect from their ID to their key). */
export function mentionPath(id: string): string | undefined {
  const prefix = /^BH-([A-Z]+)-/.exec(id)?.[1];
  const collection = prefix ? COLLECTION_OF_PREFIX[prefix] : undefined;
  return collection ? entryPath(collection, id) : undefined;
}
