import { lookupIdentifier, type IdIndex, type IdTarget } from '../search/lookup.ts';

/** A full-text result from Pagefind, reduced to what the result list shows. */
export interface PageResult {
  url: string;
  title: string;
  excerpt: string;
  type: string;
}

interface PagefindResultData {
  url: string;
  excerpt: string;
  meta: Record<string, string>;
  filters: Record<string, string[]>;
}
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string, options?: { filters?: Record<string, string> }): Promise<{ results: { id: string; data(): Promise<PagefindResultData> }[] }>;
}

let idIndex: Promise<IdIndex> | undefined;
let pagefind: Promise<PagefindModule> | undefined;

/** The ID index is fetched on the first keystroke only, never on page view. */
export function loadIdIndex(): Promise<IdIndex> {
  idIndex ??= fetch('/search/ids.json').then((response) => {
    if (!response.ok) throw new Error(`ID index: HTTP ${response.status}`);
    return response.json() as Promise<IdIndex>;
  });
  return idIndex;
}

function loadPagefind(): Promise<PagefindModule> {
  pagefind ??= (async () => {
    const url = '/pagefind/pagefind.js';
    const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
    await module.options({ excerptLength: 24 });
    await module.init();
    return module;
  })();
  return pagefind;
}

export async function findIdentifiers(query: string): Promise<IdTarget[]> {
  if (query.trim().length < 2) return [];
  return lookupIdentifier(await loadIdIndex(), query).slice(0, 8);
}

/** Entries explain; reference and index pages point at them. Relevance decides within a type. */
const TYPE_PRIORITY = ['Risk', 'Mitigation', 'Check', 'Concept', 'Incident', 'Stage', 'Matrix', 'Source', 'Reference'];
const priorityOf = (type: string): number => {
  const position = TYPE_PRIORITY.indexOf(type);
  return position === -1 ? TYPE_PRIORITY.length - 1 : position;
};

export async function findPages(query: string, filters: Record<string, string> = {}, limit = 10): Promise<PageResult[]> {
  const active = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
  if (query.trim().length < 2 && Object.keys(active).length === 0) return [];
  const module = await loadPagefind();
  const search = await module.search(query.trim() || '', { filters: active });
  const data = await Promise.all(search.results.slice(0, limit * 2).map((result) => result.data()));
  const pages = data.map((item, rank) => ({ rank, url: item.url.replace(/\.html$/, '/').replace(/\/index\/$/, '/'), title: item.meta.title ?? item.url, excerpt: item.excerpt, type: item.filters.type?.[0] ?? '' }));
  pages.sort((a, b) => priorityOf(a.type) - priorityOf(b.type) || a.rank - b.rank);
  return pages.slice(0, limit).map(({ rank: _rank, ...page }) => page);
}

export type { IdTarget };
