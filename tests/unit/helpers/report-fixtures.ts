/** A small knowledge base for the report tests: two stages, five risks, mitigations and scanner answers with real catalog IDs. */
import type { ThreatModelData } from '../../../src/report/knowledge.ts';
import type { ReportInput } from '../../../src/report/model.ts';
import type { Finding } from '../../../src/rules/finding.ts';

export const DATA: ThreatModelData = {
  stages: [
    { key: 'image', title: 'Image', path: '/stages/image/' },
    { key: 'orchestration', title: 'Orchestrator', path: '/stages/orchestration/' },
  ],
  risks: [
    { id: 'R-1', title: 'Privileged workloads', severity: 'high', stage: 'orchestration', path: '/risks/r-1/', mitigations: ['M-1'] },
    { id: 'R-2', title: 'Resource exhaustion', severity: 'medium', stage: 'orchestration', path: '/risks/r-2/', mitigations: ['M-2'] },
    { id: 'R-3', title: 'Image defects', severity: 'low', stage: 'image', path: '/risks/r-3/', mitigations: ['M-3'] },
    { id: 'R-4', title: 'Unreviewable risk', severity: 'critical', stage: 'orchestration', path: '/risks/r-4/', mitigations: ['M-4'] },
    { id: 'R-5', title: 'Host namespaces', severity: 'high', stage: 'orchestration', path: '/risks/r-5/', mitigations: ['M-5'] },
  ],
  mitigations: [
    { id: 'M-1', title: 'No privileged pods', path: '/mitigations/m-1/', checks: ['C-1'] },
    { id: 'M-2', title: 'Set limits', path: '/mitigations/m-2/', checks: ['C-2'] },
    { id: 'M-3', title: 'Lint images', path: '/mitigations/m-3/', checks: ['C-3'] },
    { id: 'M-4', title: 'Review by hand', path: '/mitigations/m-4/', checks: [] },
    { id: 'M-5', title: 'No host namespaces', path: '/mitigations/m-5/', checks: ['C-5'] },
  ],
  rules: {
    trivy: { 'KSV-0017': { checks: [{ id: 'C-1', relation: 'same' }], related: [] }, 'KSV-0011': { checks: [], related: ['R-2'] } },
    kubescape: { 'C-0057': { checks: [{ id: 'C-1', relation: 'narrower' }], related: [] } },
    checkov: { CKV_K8S_16: { checks: [], related: [], outOfScope: 'Out of scope for this test knowledge base, on purpose.' } },
  },
};

export const CHECKS: ReportInput['checks'] = [
  { id: 'C-1', kinds: ['kubernetes'], riskIds: ['R-1'] },
  { id: 'C-2', kinds: ['kubernetes'], riskIds: ['R-2'] },
  { id: 'C-3', kinds: ['dockerfile'], riskIds: ['R-3'] },
  { id: 'C-5', kinds: ['kubernetes'], riskIds: ['R-5'] },
];

export function privileged(object = 'Deployment/web'): Finding {
  return { checkId: 'C-1', checkTitle: 'No privileged pods', severity: 'high', riskIds: ['R-1'], file: 'k8s/deploy.yaml', line: 21, column: 11, object, message: 'container web runs privileged', scannerRules: {}, scannerRelations: [], url: 'https://example.test/checks/c-1/' };
}

