/**
 * Plain-language queries against the content's own words. Pagefind keeps a page only when it has
 * every word of a query, so "old images left in the registry" lost the stale-images risk over
 * "left". The search instead asks for each term on its own and ranks pages by relevance over all
 * terms (see relevance and search-engine.ts). A term is a word of the query and the words the
 * content uses for the same thing; kept free of DOM and Node imports.
 */

/** Words that say nothing about the topic; asking for them would match every page. */
const STOP_WORDS = new Set(
  'a an and are as at be by can do does for from how i if in into is it its my of on or our should that the their them these this to use using was what when where which who why will with without you your'.split(' '),
);

/**
 * Readers' words → the words the content uses for the same thing. Each group is read both ways
 * from its first word: "old" also finds "stale", "processes" also "pids" and "fork".
 */
const SYNONYM_GROUPS: readonly (readonly string[])[] = [
  // Pagefind stems words, so one form of each is enough ("secret" also finds "secrets").
  ['stale', 'old', 'outdated', 'obsolete', 'unused', 'abandoned'],
  ['pids', 'processes', 'fork'],
  ['escape', 'breakout', 'jailbreak'],
  ['secrets', 'credentials', 'passwords', 'tokens'],
  ['signing', 'signature', 'cosign', 'notation'],
  ['registry', 'repository'],
  ['rootless', 'unprivileged'],
  ['vulnerabilities', 'cve'],
  ['limit', 'quota'],
  ['tls', 'https', 'certificate'],
  // Readers say "misconfiguration"; the pages name the setting's configuration.
  ['configuration', 'misconfiguration', 'misconfigured'],
];

/** What an escape of a container ends in: pages about one say "on the host" more often than "escape". */
const EXTRA: Record<string, readonly string[]> = { escape: ['host'], breakout: ['host'] };

function alternativesOf(word: string): string[] {
  const found = new Set([word]);
  for (const group of SYNONYM_GROUPS) if (group.includes(word)) for (const other of group) found.add(other);
  for (const other of EXTRA[word] ?? []) found.add(other);
  // CAP_SYS_ADMIN: the content also writes SYS_ADMIN, as --cap-add and Kubernetes spell it.
  const capability = /^cap_([a-z_]+)$/.exec(word)?.[1];
  if (capability) found.add(capability);
  return [...found];
}

/** The query's terms, each with its alternatives; stop words dropped, duplicates merged. */
export function queryTerms(query: string): string[][] {
  const words = query
    .toLowerCase()
    .split(/[\s,;!?"'()]+/)
    .map((word) => word.replace(/^[.:]+|[.:]+$/g, ''))
    .filter((word) => word.length > 0 && !STOP_WORDS.has(word));
  const seen = new Set<string>();
  return words.filter((word) => !seen.has(word) && seen.add(word)).map(alternativesOf);
}

export interface TermHit {
  id: string;
  score: number;
}

export interface RankedHit {
  id: string;
  /** How many of the query's terms the page matches. */
  matched: number;
  /** Summed Pagefind scores of the best alternative of each matched term. */
  score: number;
}

/**
 * A page's relevance: the summed scores of the terms it matches (Pagefind's score already weighs
 * a rare word and a word in a title above a common one in body text), times the number of terms
 * it matches, so covering more of the query counts without letting a filler word ("number",
 * "left") outweigh the words that matter. Lucene's classic ranking does the same.
 */
export function relevance(hit: RankedHit): number {
  return hit.score * hit.matched;
}

/**
 * Pages ranked by relevance. `hits[t]` holds the pages found for term t (any alternative; the
 * best score of them counts).
 */
export function rankByTerms(hits: readonly (readonly TermHit[])[]): RankedHit[] {
  const ranked = new Map<string, RankedHit>();
  for (const termHits of hits) {
    const best = new Map<string, number>();
    for (const hit of termHits) best.set(hit.id, Math.max(best.get(hit.id) ?? 0, hit.score));
    for (const [id, score] of best) {
      const entry = ranked.get(id) ?? { id, matched: 0, score: 0 };
      entry.matched += 1;
      entry.score += score;
      ranked.set(id, entry);
    }
  }
  return [...ranked.values()].sort((a, b) => relevance(b) - relevance(a));
}
