import { basePath, withBase } from '../model/urls.ts';
import { lookupIdentifier, type IdIndex, type IdTarget } from '../search/lookup.ts';
import { queryTerms, rankByTerms, relevance, type TermHit } from '../search/query-terms.ts';

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
interface PagefindResult {
  id: string;
  score: number;
  data(): Promise<PagefindResultData>;
}
interface PagefindModule {
  options(options: Record<string, unknown>): Promise<void>;
  init(): Promise<void>;
  search(query: string | null, options?: { filters?: Record<string, string> }): Promise<{ results: PagefindResult[] }>;
}

let idIndex: Promise<IdIndex> | undefined;
let pagefind: Promise<PagefindModule> | undefined;

/** The ID index is fetched on the first keystroke only, never on page view. */
export function loadIdIndex(): Promise<IdIndex> {
  idIndex ??= fetch(withBase('/search/ids.json')).then((response) => {
    if (!response.ok) throw new Error(`ID index: HTTP ${response.status}`);
    return response.json() as Promise<IdIndex>;
  });
  return idIndex;
}

function loadPagefind(): Promise<PagefindModule> {
  pagefind ??= (async () => {
    const url = withBase('/pagefind/pagefind.js');
    const module = (await import(/* @vite-ignore */ url)) as PagefindModule;
    // Pagefind records pages by their path in the build; baseUrl puts the site's base in front.
    await module.options({ excerptLength: 24, baseUrl: basePath() });
    await module.init();
    return module;
  })();
  return pagefind;
}

export async function findIdentifiers(query: string): Promise<IdTarget[]> {
  if (query.trim().length < 2) return [];
  return lookupIdentifier(await loadIdIndex(), query).slice(0, 8);
}

/**
 * Scanner rule, source and matrix pages repeat what entries explain: their relevance counts half,
 * so the entry comes first unless the other page matches much better.
 */
const DEMOTED_TYPES = new Set(['Reference', 'Source', 'Matrix']);
const DEMOTION = 0.5;

/**
 * Full-text results: each term of the query is searched on its own (with the content's words for
 * it, see query-terms.ts) and pages rank by relevance over all terms, so a page that lacks one
 * filler word is still found. With no words, the filters alone list pages.
 */
export async function findPages(query: string, filters: Record<string, string> = {}, limit = 10): Promise<PageResult[]> {
  const active = Object.fromEntries(Object.entries(filters).filter(([, value]) => value));
  const terms = query.trim().length >= 2 ? queryTerms(query) : [];
  if (terms.length === 0 && Object.keys(active).length === 0) return [];
  const module = await loadPagefind();
  const byId = new Map<string, PagefindResult>();
  const hits: TermHit[][] = [];
  const searches: (string | null)[][] = terms.length === 0 ? [[null]] : terms;
  // Every word and alternative at once: Pagefind loads the index chunks they need in parallel.
  const found = await Promise.all(searches.map((alternatives) => Promise.all(alternatives.map((alternative) => module.search(alternative, { filters: active })))));
  for (const term of found) {
    const termHits: TermHit[] = [];
    for (const { results } of term) {
      for (const result of results) {
        byId.set(result.id, result);
        termHits.push({ id: result.id, score: result.score });
      }
    }
    hits.push(termHits);
  }
  // Page data (URL, title, type) is fetched per page: only for the best candidates.
  const candidates = rankByTerms(hits).slice(0, limit * 4);
  const data = await Promise.all(candidates.map((hit) => byId.get(hit.id)?.data()));
  const pages = candidates.flatMap((hit, index) => {
    const item = data[index];
    if (!item) return [];
    const type = item.filters.type?.[0] ?? '';
    return [{ weight: relevance(hit) * (DEMOTED_TYPES.has(type) ? DEMOTION : 1), index, url: item.url.replace(/\.html$/, '/').replace(/\/index\/$/, '/'), title: item.meta.title ?? item.url, excerpt: item.excerpt, type }];
  });
  pages.sort((a, b) => b.weight - a.weight || a.index - b.index);
  return pages.slice(0, limit).map(({ weight: _weight, index: _index, ...page }) => page);
}

export type { IdTarget };
