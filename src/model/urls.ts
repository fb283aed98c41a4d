import type { IdEntry } from '../graph/entries.ts';
import type { CollectionName, ScannerKey } from './vocabulary.ts';

/**
 * The public URL contract. Entry pages live at /<collection>/<lower-case id>/ (stages at
 * /stages/<key>/); they never move, and an old ID or slug gets a redirect page instead.
 */

/** Where the published site lives; override with BULKHEAD_SITE_URL for a mirror or a preview. */
export const DEFAULT_SITE_URL = 'https://bulkhead.dev';

export function siteUrl(): string {
  const fromEnv = typeof process === 'undefined' ? undefined : process.env.BULKHEAD_SITE_URL;
  return (fromEnv || DEFAULT_SITE_URL).replace(/\/+$/, '');
}

export function entryPath(collection: Exclude<CollectionName, 'sources'>, id: string, stageKey?: string): string {
  if (collection === 'stages' && stageKey) return `/stages/${stageKey}/`;
  return `/${collection}/${id.toLowerCase()}/`;
}

/** The one place an entry's page path is decided; pages, matrices, search, exports and the CLI all ask here. */
export function entryUrl(entry: IdEntry): string {
  return entryPath(entry.kind, entry.data.id, entry.kind === 'stages' ? entry.data.key : undefined);
}

export function sourcePath(key: string): string {
  return `/sources/${key}/`;
}

/** Reference pages for IDs printed by scanners and frameworks: the contract of issue 7. */
export type RefNamespace = ScannerKey | 'cve' | 'attack' | 'ms-k8s' | 'owasp-k8s' | 'nist-800-190';

export function refPath(namespace: RefNamespace, id: string): string {
  return `/ref/${namespace}/${refSegment(id)}/`;
}

/** Lower-case, as printed otherwise; characters that cannot stand in a path segment become "-". */
export function refSegment(id: string): string {
  return id.trim().toLowerCase().replace(/[^a-z0-9._-]+/g, '-');
}

export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path}`;
}
