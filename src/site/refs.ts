import { buildRefRecords, type RefRecord } from '../refs/records.ts';
import { getGraph } from './graph.ts';

let cached: RefRecord[] | undefined;

/** All /ref/ records of the current graph, built once per build. */
export function getRefRecords(): RefRecord[] {
  cached ??= buildRefRecords(getGraph());
  return cached;
}

export const NAMESPACE_LABELS: Record<RefRecord['namespace'], string> = {
  trivy: 'Trivy rules',
  kubescape: 'Kubescape controls',
  'kube-bench': 'kube-bench (CIS Kubernetes Benchmark)',
  'docker-bench': 'docker-bench (CIS Docker Benchmark)',
  checkov: 'Checkov checks',
  cve: 'CVE records',
  attack: 'MITRE ATT&CK',
  'ms-k8s': 'Microsoft Threat Matrix for Kubernetes',
  'owasp-k8s': 'OWASP Kubernetes Top 10',
  'nist-800-190': 'NIST SP 800-190 sections',
};
