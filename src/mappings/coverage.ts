import { SCANNER_CATALOGS } from '../catalogs/scanners.ts';
import type { ScannerRule } from '../catalogs/types.ts';
import type { ContentGraph } from '../graph/graph.ts';
import { SCANNERS, SCANNER_LABELS, type ScannerKey } from '../model/vocabulary.ts';
import type { Relation } from '../schemas/mapping.ts';
import { closestRelation } from './answers.ts';

export interface ScannerCoverage {
  scanner: ScannerKey;
  rules: number;
  mapped: number;
  outOfScope: number;
  unanswered: ScannerRule[];
  relations: Record<Relation, number>;
}

/** Every rule of the knowledge base's scanners must be mapped or ruled out; at least this share mapped. */
export const MAPPED_FLOOR = 0.9;

export function scannerCoverage(graph: ContentGraph): ScannerCoverage[] {
  return SCANNERS.map((scanner) => {
    const coverage: ScannerCoverage = { scanner, rules: 0, mapped: 0, outOfScope: 0, unanswered: [], relations: { same: 0, narrower: 0, broader: 0, related: 0 } };
    for (const rule of SCANNER_CATALOGS[scanner].rules) {
      coverage.rules += 1;
      const answer = graph.answerOf(scanner, rule.id);
      const relation = answer ? closestRelation(answer) : undefined;
      if (answer?.outOfScope !== undefined) coverage.outOfScope += 1;
      else if (relation) {
        coverage.mapped += 1;
        coverage.relations[relation] += 1;
      } else coverage.unanswered.push(rule);
    }
    return coverage;
  });
}

const percent = (part: number, whole: number): string => `${whole === 0 ? 0 : Math.floor((part / whole) * 1000) / 10} %`;

/** One line per scanner, for `npm run check:content` and the closing notes. */
export function renderCoverage(coverage: readonly ScannerCoverage[]): string {
  return coverage
    .map((item) => {
      const { same, narrower, broader, related } = item.relations;
      return `  ${SCANNER_LABELS[item.scanner].padEnd(13)} ${String(item.mapped).padStart(3)} of ${String(item.rules).padStart(3)} mapped (${percent(item.mapped, item.rules)}), ${item.outOfScope} out of scope, ${item.unanswered.length} unanswered; same ${same}, narrower ${narrower}, broader ${broader}, related ${related}`;
    })
    .join('\n');
}
