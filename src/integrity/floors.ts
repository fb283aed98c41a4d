import { FRAMEWORK_CATALOGS } from '../catalogs/frameworks.ts';
import type { ContentGraph } from '../graph/graph.ts';
import type { CollectionName } from '../model/vocabulary.ts';
import { MAPPED_FLOOR, scannerCoverage } from '../mappings/coverage.ts';
import { SCANNER_LABELS } from '../model/vocabulary.ts';
import type { Problem } from './problem.ts';

/**
 * The floors the real knowledge base must never fall below (issue 4). They apply to content/,
 * not to test fixtures, so content cannot silently shrink in a pull request.
 */
export const CONTENT_FLOORS: Partial<Record<CollectionName, number>> = {
  stages: 5,
  risks: 35,
  mitigations: 40,
  checks: 60,
  concepts: 40,
  incidents: 20,
};

export function checkFloors(graph: ContentGraph, counts: Record<CollectionName, number>): Problem[] {
  const problems: Problem[] = [];
  for (const [collection, floor] of Object.entries(CONTENT_FLOORS) as [CollectionName, number][]) {
    if (counts[collection] < floor) problems.push({ rule: 'content-floor', file: `content/${collection}`, field: '(collection)', value: String(counts[collection]), message: `${counts[collection]} ${collection}, the knowledge base promises at least ${floor}` });
  }
  const nist = FRAMEWORK_CATALOGS.nist.entries;
  for (const section of nist.filter((entry) => entry.kind === 'risk')) {
    if (graph.risksMappedTo('nist', section.id).length === 0) problems.push({ rule: 'nist-coverage', file: 'content/risks', field: 'frameworks.nist', value: section.id, message: `no risk maps NIST SP 800-190 §${section.id} (${section.name})`, suggestion: `add "${section.id}" to frameworks.nist of the risk that covers it` });
  }
  for (const section of nist.filter((entry) => entry.kind === 'countermeasure')) {
    if (graph.mitigationsImplementing(section.id).length === 0) problems.push({ rule: 'nist-coverage', file: 'content/mitigations', field: 'nist', value: section.id, message: `no mitigation implements NIST SP 800-190 §${section.id} (${section.name})`, suggestion: `add "${section.id}" to nist of the mitigation that implements it` });
  }
  for (const coverage of scannerCoverage(graph)) {
    const label = SCANNER_LABELS[coverage.scanner];
    if (coverage.unanswered.length > 0) {
      const ids = coverage.unanswered.map((rule) => rule.id);
      problems.push({ rule: 'scanner-coverage', file: 'content/mappings', field: coverage.scanner, value: String(ids.length), message: `${ids.length} ${label} rule${ids.length === 1 ? ' is' : 's are'} neither mapped nor out of scope: ${ids.join(', ')}`, suggestion: 'answer each in a content/mappings/*.yaml file' });
    }
    if (coverage.mapped < Math.ceil(coverage.rules * MAPPED_FLOOR)) {
      problems.push({ rule: 'scanner-coverage', file: 'content/mappings', field: coverage.scanner, value: String(coverage.mapped), message: `${coverage.mapped} of ${coverage.rules} ${label} rules are mapped; the knowledge base promises at least ${Math.round(MAPPED_FLOOR * 100)} %` });
    }
  }
  return problems;
}
