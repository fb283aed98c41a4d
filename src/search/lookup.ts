/**
 * The exact-identifier index: shared by the build (which writes it), the browser (which loads it
 * lazily on the first keystroke) and the tests. Kept free of Node and Astro imports for that reason.
 */

export interface IdTarget {
  /** What the identifier names, e.g. "Trivy KSV-0017: Privileged". */
  label: string;
  /** Kind shown as a badge: Risk, Check, Trivy rule, CVE … */
  kind: string;
  url: string;
  /** For scanner rules and framework IDs: the Bulkhead entries they map to, best first. */
  related?: { label: string; url: string }[];
}

export interface IdIndex {
  version: 1;
  targets: IdTarget[];
  /** Normalised identifier → indexes into targets, best first. */
  keys: Record<string, number[]>;
}

/** Case-insensitive, blind to "-", "_", spaces and a leading "§": "ksv 017" = "KSV-017" = "KSV017". */
export function normalizeQuery(text: string): string {
  return text.trim().toUpperCase().replace(/^§/, '').replace(/[\s_-]+/g, '');
}

/** Targets whose identifier equals the query, or failing that, one of its words. */
export function lookupIdentifier(index: IdIndex, query: string): IdTarget[] {
  const whole = index.keys[normalizeQuery(query)];
  if (whole) return whole.map((position) => index.targets[position]).filter((target): target is IdTarget => target !== undefined);
  const words = query.split(/\s+/).filter((word) => word.length >= 2);
  if (words.length < 2) return [];
  const positions = new Set(words.flatMap((word) => index.keys[normalizeQuery(word)] ?? []));
  return [...positions].map((position) => index.targets[position]).filter((target): target is IdTarget => target !== undefined);
}
