import { resolveScannerId, SCANNER_CATALOGS } from '../catalogs/scanners.ts';
import type { ContentGraph } from '../graph/graph.ts';
import { entryUrl, withBase } from '../model/urls.ts';
import { COLLECTION_LABELS, SCANNER_LABELS, type ScannerKey } from '../model/vocabulary.ts';
import { canonicalRefPath, isMapped, type RefRecord } from '../refs/records.ts';
import { isIdentifierQuery, normalizeQuery, type IdIndex, type IdTarget } from './lookup.ts';

const SCANNER_PREFIXES: Record<ScannerKey, string[]> = {
  trivy: ['trivy'],
  kubescape: ['kubescape'],
  'kube-bench': ['kube-bench', 'cis-k8s'],
  'docker-bench': ['docker-bench', 'cis-docker'],
  checkov: ['checkov'],
};

/** Every spelling under which an identifier may be typed: with a capability, with and without CAP_. */
function capabilityVariants(identifier: string): string[] {
  if (/^CAP_[A-Z_]+$/.test(identifier)) return [identifier, identifier.slice(4)];
  return [identifier];
}

/**
 * Builds the exact-ID index from the graph and the /ref/ records. An identifier that names an
 * entry sends the reader to that entry; a scanner or framework ID to its /ref/ page with the
 * mapped risks and checks alongside. URLs are links on the served site (under its base), as the
 * search dialog opens them.
 */
export function buildIdIndex(graph: ContentGraph, records: readonly RefRecord[]): IdIndex {
  const targets: IdTarget[] = [];
  const keys: Record<string, number[]> = {};
  /** The target whose own ID is the key goes first; one that merely has it as an old spelling follows. */
  const add = (target: IdTarget, identifiers: readonly string[]) => {
    const position = targets.push(target) - 1;
    const own = normalizeQuery(identifiers[0] ?? '');
    for (const identifier of identifiers) {
      const key = normalizeQuery(identifier);
      if (!key) continue;
      const list = (keys[key] ??= []);
      if (list.includes(position)) continue;
      if (key === own) list.unshift(position);
      else list.push(position);
    }
  };

  for (const entry of graph.allPagedEntries()) {
    const identifiers = [entry.data.id, ...entry.data.aliases];
    if (entry.kind === 'concepts') identifiers.push(...entry.data.identifiers.flatMap(capabilityVariants));
    if (entry.kind === 'stages') identifiers.push(entry.data.key);
    add({ label: `${entry.data.id} ${entry.data.title}`, kind: COLLECTION_LABELS[entry.kind].singular, url: withBase(entryUrl(entry)) }, identifiers);
  }
  for (const incident of graph.incidents) {
    if (incident.data.cves.length > 0) add({ label: `${incident.data.cves.join(', ')}: ${incident.data.title}`, kind: 'Incident', url: withBase(entryUrl(incident)) }, incident.data.cves);
  }

  for (const record of records) {
    if (record.namespace === 'cve') continue;
    const related = [...record.risks, ...record.checks, ...(record.risks.length === 0 ? record.mitigations : [])].slice(0, 6).map((entry) => ({ label: `${entry.data.id} ${entry.data.title}`, url: withBase(entryUrl(entry)) }));
    const identifiers = [record.id, ...record.segments];
    if (record.namespace in SCANNER_PREFIXES) {
      const scanner = record.namespace as ScannerKey;
      const rule = SCANNER_CATALOGS[scanner].rules.find((candidate) => candidate.id === record.id);
      const spellings = [record.id, ...(rule?.spellings ?? [])];
      identifiers.push(...spellings, ...SCANNER_PREFIXES[scanner].flatMap((prefix) => spellings.map((spelling) => `${prefix} ${spelling}`)));
    }
    if (record.namespace === 'nist-800-190') identifiers.push(`NIST ${record.id}`, `NIST SP 800-190 ${record.id}`, `800-190 ${record.id}`);
    if (record.namespace === 'owasp-k8s') identifiers.push(record.id.replace(':', ' '));
    const kind = record.namespace in SCANNER_PREFIXES ? `${SCANNER_LABELS[record.namespace as ScannerKey]} rule` : record.authority;
    add({ label: `${record.id}: ${record.title}${record.scanner?.status === 'out-of-scope' ? ' (out of scope)' : isMapped(record) || !record.scanner ? '' : ' (unanswered)'}`, kind, url: withBase(canonicalRefPath(record)), ...(related.length > 0 ? { related } : {}) }, identifiers);
  }
  return { version: 1, targets, keys };
}

/** A query a reader may type and the page that must come first for it. */
export interface IdentifierCase {
  kind: string;
  query: string;
  expectedUrl: string;
}

/**
 * Every identifier the content mentions, enumerated from the graph, for the test that each one
 * resolves first. CIS numbers are shared by two benchmarks, so they are queried with the
 * scanner's name ("kube-bench 5.2.2"), as the search box explains.
 */
export function identifiersInContent(graph: ContentGraph, records: readonly RefRecord[]): IdentifierCase[] {
  const cases: IdentifierCase[] = [];
  const refUrl = (namespace: RefRecord['namespace'], id: string) => {
    const record = records.find((candidate) => candidate.namespace === namespace && candidate.id === id);
    return record ? canonicalRefPath(record) : undefined;
  };
  for (const entry of graph.allPagedEntries()) {
    cases.push({ kind: 'Bulkhead ID', query: entry.data.id, expectedUrl: entryUrl(entry) });
    // Plain words among aliases and concept keywords ("capabilities", "runc") are left to full-text search.
    for (const alias of entry.data.aliases.filter(isIdentifierQuery)) cases.push({ kind: 'alias', query: alias, expectedUrl: entryUrl(entry) });
    if (entry.kind === 'concepts') for (const identifier of entry.data.identifiers.flatMap(capabilityVariants).filter(isIdentifierQuery)) cases.push({ kind: 'concept identifier', query: identifier, expectedUrl: entryUrl(entry) });
    if (entry.kind === 'incidents') for (const cve of entry.data.cves) cases.push({ kind: 'CVE', query: cve, expectedUrl: entryUrl(entry) });
    if (entry.kind === 'checks') {
      for (const rule of graph.rulesOfCheck(entry)) {
        const url = refUrl(rule.scanner, rule.id);
        if (!url) continue;
        const cis = rule.scanner === 'kube-bench' || rule.scanner === 'docker-bench';
        // A legacy spelling that is another rule's current ID (KCV-0012 was once KSV0012) names that rule.
        const own = rule.spellings.filter((spelling) => /\d/.test(spelling) && resolveScannerId(rule.scanner, spelling)?.id === rule.id);
        for (const spelling of cis ? [`${rule.scanner} ${rule.id}`] : [rule.id, ...own]) cases.push({ kind: `${rule.scanner} rule`, query: spelling, expectedUrl: url });
      }
    }
    if (entry.kind === 'risks') {
      for (const [framework, namespace] of [['attack', 'attack'], ['msK8s', 'ms-k8s'], ['owaspK8s', 'owasp-k8s'], ['nist', 'nist-800-190']] as const) {
        for (const id of entry.data.frameworks[framework]) {
          const url = refUrl(namespace, id);
          if (url) cases.push({ kind: namespace, query: framework === 'nist' ? `NIST ${id}` : id, expectedUrl: url });
        }
      }
    }
  }
  return cases;
}
