/**
 * What Bulkhead says about a scanner rule (mapped with a relation, out of scope, unanswered),
 * taken from the per-scanner link maps of /ref/<scanner>.json, so a linked SARIF report tells its
 * reader that a rule is "narrower" than Bulkhead's check or "out of scope" before they click.
 */
import type { ScannerLinkRecord } from '../refs/records.ts';
import type { ScannerKey } from '../model/vocabulary.ts';

export type RuleStanding = Pick<ScannerLinkRecord, 'status' | 'relation' | 'manual'>;

/** Bulkhead's standing of a rule by its canonical ID; undefined when nothing is known. */
export type StandingOf = (scanner: ScannerKey, canonicalId: string) => RuleStanding | undefined;

/** The shape of scannerLinkMap()'s result that the linker reads. */
export interface LinkMapOfScanner {
  scanner: ScannerKey;
  rules: Record<string, ScannerLinkRecord>;
}

/**
 * A lookup over link maps, indexed once. A map lists every spelling of a rule; only canonical
 * entries are indexed, because the linker resolves spellings itself (resolveScannerId) and two
 * spellings can collide once separators are ignored.
 */
export function standingFromLinkMaps(maps: Iterable<LinkMapOfScanner>): StandingOf {
  const index = new Map<string, RuleStanding>();
  for (const map of maps) {
    for (const [spelling, record] of Object.entries(map.rules)) {
      if (spelling === record.canonical) index.set(`${map.scanner}\u0000${spelling}`, { status: record.status, ...(record.relation ? { relation: record.relation } : {}), manual: record.manual });
    }
  }
  return (scanner, canonicalId) => index.get(`${scanner}\u0000${canonicalId}`);
}

/** The word a reader sees, as on the /ref/<scanner>/ index: the relation, "out of scope" or "unanswered". */
export function standingLabel(standing: RuleStanding): string {
  if (standing.status === 'out-of-scope') return 'out of scope';
  if (standing.status === 'unanswered') return 'unanswered';
  return standing.relation ?? 'related';
}
