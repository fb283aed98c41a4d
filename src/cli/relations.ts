import type { Relation } from '../schemas/mapping.ts';
import type { ScannerRelation } from '../rules/finding.ts';

/**
 * Closest first, as RELATION_ORDER in mappings/answers.ts. Not imported from there: that module
 * brings the content schemas (zod) into the npm package's bundle. A Record over Relation makes a
 * new relation a type error here until it is placed.
 */
const RANK: Record<Relation, number> = { same: 0, narrower: 1, broader: 2, related: 3 };
const RELATION_ORDER = (Object.keys(RANK) as Relation[]).sort((a, b) => RANK[a] - RANK[b]);

/**
 * "same: trivy KSV-0017, kubescape C-0057; narrower: checkov CKV_K8S_16" — the scanner rules
 * grouped by how they compare with the check, so nobody reads a narrower rule as an equal.
 */
export function describeRelations(relations: readonly ScannerRelation[]): string {
  return RELATION_ORDER.flatMap((relation) => {
    const rules = relations.filter((item) => item.relation === relation);
    return rules.length > 0 ? [`${relation}: ${rules.map((item) => `${item.scanner} ${item.id}${item.manual ? ' (manual)' : ''}`).join(', ')}`] : [];
  }).join('; ');
}
