import { RELATION_ORDER } from '../mappings/relation-text.ts';
import type { ScannerRelation } from '../rules/finding.ts';

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
