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

/**
 * True for a word that can only be an identifier, never plain language: it has a digit (KSV017,
 * 5.2.2, CVE-2019-5736, v2), an underscore (CAP_SYS_ADMIN), a dot, slash, colon, equals sign, @
 * or § (docker.sock, /etc/subuid, K01:2022, --network=host), starts with a dash (--read-only),
 * joins words with hyphens (runc-exe-overwrite, CRI-O) or is camelCase (hostNetwork).
 * "runc", "image" or "TLS" are words: a query made of them gets full-text results only.
 */
export function isIdentifierShaped(word: string): boolean {
  return /\d|[_./:=@§]|^-/.test(word) || /^[A-Za-z0-9]+(?:-[A-Za-z0-9]+)+$/.test(word) || /[a-z][A-Z]/.test(word);
}

/** A query is an identifier when one of its words is ("kube-bench 5.2.2", "NIST 4.1.1", "KSV017"). */
export function isIdentifierQuery(query: string): boolean {
  return query.trim().split(/\s+/).some(isIdentifierShaped);
}

/**
 * Targets whose identifier equals the query, or failing that, one of its identifier-shaped words.
 * Nothing for a query of plain words ("runc escape", "image signing"), even when a word happens
 * to be a key (a stage key, a concept's keyword): those are for full-text search to rank.
 */
export function lookupIdentifier(index: IdIndex, query: string): IdTarget[] {
  if (!isIdentifierQuery(query)) return [];
  const at = (positions: readonly number[]) => positions.map((position) => index.targets[position]).filter((target): target is IdTarget => target !== undefined);
  const whole = index.keys[normalizeQuery(query)];
  if (whole) return at(whole);
  const words = query.split(/\s+/).filter((word) => word.length >= 2 && isIdentifierShaped(word));
  if (query.trim().split(/\s+/).length < 2) return [];
  return at([...new Set(words.flatMap((word) => index.keys[normalizeQuery(word)] ?? []))]);
}
