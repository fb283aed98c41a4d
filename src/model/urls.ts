import type { IdEntry } from '../graph/entries.ts';
import type { CollectionName, ScannerKey } from './vocabulary.ts';

/**
 * The public URL contract. Entry pages live at /<collection>/<lower-case id>/ (stages at
 * /stages/<key>/); they never move, and an old ID or slug gets a redirect page instead.
 *
 * These are site paths, the same on every copy of the site. A copy served under a base path
 * (BULKHEAD_BASE=/kb/) links them with withBase(), and URLs that leave the site take absoluteUrl().
 */

/** Where the published site lives when nothing else is said. */
export const DEFAULT_SITE_URL = 'https://bulkhead.dev';

/** The environment variables that place the site; a parameter so tests can pass their own. */
export type SiteEnv = Partial<Record<'BULKHEAD_SITE' | 'BULKHEAD_SITE_URL' | 'BULKHEAD_BASE', string | undefined>>;

/** Where the site is served: the origin (https://kb.example.org) and the path under it, '/' or '/kb/'. */
export interface SiteLocation {
  origin: string;
  base: string;
}

/** '/kb/' for 'kb', '/kb', '/kb/' or '//kb//'; '/' for nothing. */
export function normalizeBase(base: string | undefined): string {
  const segments = (base ?? '').split('/').filter(Boolean);
  return segments.length === 0 ? '/' : `/${segments.join('/')}/`;
}

/**
 * The one decision of where the site lives, for the build and the CLI alike.
 *
 * - The site URL is BULKHEAD_SITE, else BULKHEAD_SITE_URL (the older name, which the CLI and the
 *   npm package have always read), else https://bulkhead.dev.
 * - The base path is BULKHEAD_BASE; when it is not set, the site URL's own path is the base, so
 *   BULKHEAD_SITE=https://intranet.example/kb/ alone serves the site under /kb/ (what Astro would
 *   do with `site` + `base`). A site URL with a path and a BULKHEAD_BASE that says otherwise is
 *   a mistake nobody could guess the intent of: it is refused with both values named.
 */
export function siteLocation(env: SiteEnv = typeof process === 'undefined' ? {} : process.env): SiteLocation {
  const raw = env.BULKHEAD_SITE || env.BULKHEAD_SITE_URL || DEFAULT_SITE_URL;
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    throw new Error(`BULKHEAD_SITE: "${raw}" is not a URL; expected one such as https://kb.example.org or https://intranet.example/kb/`);
  }
  const sitePath = normalizeBase(url.pathname);
  const base = env.BULKHEAD_BASE ? normalizeBase(env.BULKHEAD_BASE) : sitePath;
  if (sitePath !== '/' && sitePath !== base) {
    throw new Error(`BULKHEAD_BASE is "${env.BULKHEAD_BASE}" but the site URL "${raw}" has the path "${sitePath}"; give the path once: in BULKHEAD_BASE with a site URL without a path, or in the site URL alone`);
  }
  return { origin: url.origin, base };
}

/**
 * The base path the pages are served under, '/' or '/kb/'. In the browser there is no environment:
 * Vite has written in Astro's `base`, which astro.config.mjs took from siteLocation().
 */
export function basePath(): string {
  if (typeof process === 'undefined') return normalizeBase(import.meta.env.BASE_URL);
  return siteLocation().base;
}

/** A site path ('/risks/bh-r-001/', '/kb.json') as a link on the served site ('/kb/risks/bh-r-001/'). */
export function withBase(path: string): string {
  return `${basePath().slice(0, -1)}${path}`;
}

/** The site's public root without a trailing slash (https://bulkhead.dev, https://kb.example.org/kb): absoluteUrl() appends site paths. */
export function siteUrl(): string {
  const { origin, base } = siteLocation();
  return `${origin}${base.slice(0, -1)}`;
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

/** A site path as a full URL on the public site (site URL + base + path), for links that leave the site. */
export function absoluteUrl(path: string): string {
  return `${siteUrl()}${path}`;
}
