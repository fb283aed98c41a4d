/**
 * The closed vocabularies of the knowledge base. Every list that content, pages, matrices and
 * the CLI share lives here once, so adding a scanner or an environment is a one-line change.
 */

/** NIST SP 800-190's five life-cycle stages, in the order the publication presents them. */
export const STAGES = ['image', 'registry', 'orchestration', 'container', 'host'] as const;
export type StageKey = (typeof STAGES)[number];

/** Highest first: sorting and "worst of" computations rely on this order. */
export const SEVERITIES = ['critical', 'high', 'medium', 'low'] as const;
export type Severity = (typeof SEVERITIES)[number];

export const ENVIRONMENTS = ['docker', 'podman', 'kubernetes', 'host'] as const;
export type Environment = (typeof ENVIRONMENTS)[number];

export const ENVIRONMENT_LABELS: Record<Environment, string> = {
  docker: 'Docker',
  podman: 'Podman',
  kubernetes: 'Kubernetes',
  host: 'Host',
};

export const SCANNERS = ['trivy', 'kubescape', 'kube-bench', 'docker-bench', 'checkov'] as const;
export type ScannerKey = (typeof SCANNERS)[number];

export const SCANNER_LABELS: Record<ScannerKey, string> = {
  trivy: 'Trivy',
  kubescape: 'Kubescape',
  'kube-bench': 'kube-bench',
  'docker-bench': 'docker-bench',
  checkov: 'Checkov',
};

/** External frameworks a risk maps to; the key is the frontmatter field under `frameworks`. */
export const FRAMEWORKS = ['nist', 'attack', 'msK8s', 'owaspK8s'] as const;
export type FrameworkKey = (typeof FRAMEWORKS)[number];

export const FRAMEWORK_LABELS: Record<FrameworkKey, string> = {
  nist: 'NIST SP 800-190',
  attack: 'MITRE ATT&CK (Containers)',
  msK8s: 'Microsoft Threat Matrix for Kubernetes',
  owaspK8s: 'OWASP Kubernetes Top 10',
};

/** Content collections, in the order pages and summaries list them. */
export const COLLECTIONS = [
  'stages',
  'risks',
  'mitigations',
  'checks',
  'concepts',
  'incidents',
  'sources',
] as const;
export type CollectionName = (typeof COLLECTIONS)[number];

/**
 * One ID format per collection. Prefixes are chosen so that no Bulkhead ID can be mistaken for
 * a scanner or framework ID (KSV/DS, C-0000, T1234/M1234, CKV_, K01, MS-TA/MS-M).
 */
export const ID_FORMATS: Record<Exclude<CollectionName, 'sources'>, { prefix: string; pattern: RegExp; example: string }> = {
  stages: { prefix: 'BH-S-', pattern: /^BH-S-\d{3}$/, example: 'BH-S-001' },
  risks: { prefix: 'BH-R-', pattern: /^BH-R-\d{3,}$/, example: 'BH-R-001' },
  mitigations: { prefix: 'BH-M-', pattern: /^BH-M-\d{3,}$/, example: 'BH-M-001' },
  checks: { prefix: 'BH-CK-', pattern: /^BH-CK-\d{3,}$/, example: 'BH-CK-001' },
  concepts: { prefix: 'BH-CO-', pattern: /^BH-CO-\d{3,}$/, example: 'BH-CO-001' },
  incidents: { prefix: 'BH-IN-', pattern: /^BH-IN-\d{3,}$/, example: 'BH-IN-001' },
};

/** Source keys are lower-case slugs because people type them in citations. */
export const SOURCE_KEY_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export const COLLECTION_LABELS: Record<CollectionName, { singular: string; plural: string }> = {
  stages: { singular: 'Stage', plural: 'Stages' },
  risks: { singular: 'Risk', plural: 'Risks' },
  mitigations: { singular: 'Mitigation', plural: 'Mitigations' },
  checks: { singular: 'Check', plural: 'Checks' },
  concepts: { singular: 'Concept', plural: 'Concepts' },
  incidents: { singular: 'Incident', plural: 'Incidents' },
  sources: { singular: 'Source', plural: 'Sources' },
};

/** What `bulkhead check` reads; `--kind` takes one of these. */
export const ARTIFACT_KINDS = ['dockerfile', 'kubernetes', 'compose', 'inspect', 'docker-daemon'] as const;
export type ArtifactKind = (typeof ARTIFACT_KINDS)[number];

export const ARTIFACT_LABELS: Record<ArtifactKind, string> = {
  dockerfile: 'Dockerfile / Containerfile',
  kubernetes: 'Kubernetes manifest (also Helm output)',
  compose: 'Docker Compose file',
  inspect: 'docker inspect / podman inspect JSON',
  'docker-daemon': 'Docker daemon.json',
};
