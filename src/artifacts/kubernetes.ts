import type { PathSegment, Position } from './location.ts';
import type { YamlDocument } from './yaml-stream.ts';

export type ContainerList = 'containers' | 'initContainers' | 'ephemeralContainers';

export interface ContainerView {
  name: string;
  list: ContainerList;
  value: Record<string, unknown>;
  /** Path of the container in its document. */
  path: PathSegment[];
}

export interface PodView {
  spec: Record<string, unknown>;
  /** Path of the pod spec in its document (inside the template for controllers). */
  path: PathSegment[];
  containers: ContainerView[];
}

export interface KubeObject {
  kind: string;
  apiVersion: string;
  name: string;
  namespace?: string;
  value: Record<string, unknown>;
  /** Path of the object in its document: [] or ['items', n, …] inside a List. */
  path: PathSegment[];
  document: YamlDocument;
  /** Present for kinds that run pods: the pod spec, wherever the kind keeps it. */
  pod?: PodView;
}

/**
 * Where built-in workload kinds keep their pod spec. Maps, not object literals: a document's
 * `kind: constructor` must not find Object.prototype.constructor.
 */
const BUILT_IN_POD_SPEC_PATHS = new Map<string, PathSegment[]>([
  ['Pod', ['spec']],
  ['PodTemplate', ['template', 'spec']],
  ['Deployment', ['spec', 'template', 'spec']],
  ['ReplicaSet', ['spec', 'template', 'spec']],
  ['ReplicationController', ['spec', 'template', 'spec']],
  ['StatefulSet', ['spec', 'template', 'spec']],
  ['DaemonSet', ['spec', 'template', 'spec']],
  ['Job', ['spec', 'template', 'spec']],
  ['CronJob', ['spec', 'jobTemplate', 'spec', 'template', 'spec']],
]);

/**
 * Where other kinds keep a pod template, whatever their group: Argo Rollouts, OpenShift
 * DeploymentConfigs, Knative Services, KEDA and many operators embed a PodTemplateSpec at one of
 * these paths, and the kubelet runs it like any other pod.
 */
const POD_TEMPLATE_PATHS: PathSegment[][] = [
  ['spec', 'template', 'spec'],
  ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
];

/**
 * The API groups Kubernetes itself serves and the kinds in each (v1.35), to catch typos
 * (`kind: Deploymnet` in apps/v1): such an object would be refused by the API server and go
 * unchecked here. Only near misses count (typoOf): other kinds share these groups' versions,
 * such as OpenShift's `DeploymentConfig` or a kubeconfig's `Config` under `apiVersion: v1`.
 * Groups served by CRDs (Gateway API, snapshots, VPA) and configuration-file groups
 * (kubelet.config.k8s.io, audit.k8s.io, …) are not listed.
 */
const BUILT_IN_GROUP_KINDS = new Map<string, ReadonlySet<string>>(
  Object.entries({
    '': ['Binding', 'ComponentStatus', 'ConfigMap', 'Endpoints', 'Event', 'LimitRange', 'Namespace', 'Node', 'PersistentVolume', 'PersistentVolumeClaim', 'Pod', 'PodTemplate', 'ReplicationController', 'ResourceQuota', 'Secret', 'Service', 'ServiceAccount'],
    'admissionregistration.k8s.io': ['MutatingAdmissionPolicy', 'MutatingAdmissionPolicyBinding', 'MutatingWebhookConfiguration', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding', 'ValidatingWebhookConfiguration'],
    'apiextensions.k8s.io': ['CustomResourceDefinition'],
    'apiregistration.k8s.io': ['APIService'],
    apps: ['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet'],
    'authentication.k8s.io': ['SelfSubjectReview', 'TokenRequest', 'TokenReview'],
    'authorization.k8s.io': ['LocalSubjectAccessReview', 'SelfSubjectAccessReview', 'SelfSubjectRulesReview', 'SubjectAccessReview'],
    autoscaling: ['HorizontalPodAutoscaler', 'Scale'],
    batch: ['CronJob', 'Job'],
    'certificates.k8s.io': ['CertificateSigningRequest', 'ClusterTrustBundle', 'PodCertificateRequest'],
    'coordination.k8s.io': ['Lease', 'LeaseCandidate'],
    'discovery.k8s.io': ['EndpointSlice'],
    'events.k8s.io': ['Event'],
    extensions: ['DaemonSet', 'Deployment', 'Ingress', 'NetworkPolicy', 'PodSecurityPolicy', 'ReplicaSet'],
    'flowcontrol.apiserver.k8s.io': ['FlowSchema', 'PriorityLevelConfiguration'],
    'internal.apiserver.k8s.io': ['StorageVersion'],
    'networking.k8s.io': ['IPAddress', 'Ingress', 'IngressClass', 'NetworkPolicy', 'ServiceCIDR'],
    'node.k8s.io': ['RuntimeClass'],
    policy: ['Eviction', 'PodDisruptionBudget', 'PodSecurityPolicy'],
    'rbac.authorization.k8s.io': ['ClusterRole', 'ClusterRoleBinding', 'Role', 'RoleBinding'],
    'resource.k8s.io': ['DeviceClass', 'DeviceTaintRule', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceSlice'],
    'scheduling.k8s.io': ['PriorityClass'],
    'storage.k8s.io': ['CSIDriver', 'CSINode', 'CSIStorageCapacity', 'StorageClass', 'VolumeAttachment', 'VolumeAttributesClass'],
    'storagemigration.k8s.io': ['StorageVersionMigration'],
  }).map(([group, kinds]) => [group, new Set(kinds)]),
);

/**
 * The kinds bulkhead's rules read, besides any object with a pod template. Objects of other
 * kinds still reach every rule (a new rule may read them); they are counted in the summary so a
 * reader knows what was read but not judged.
 */
export const KINDS_WITH_RULES: ReadonlySet<string> = new Set([
  ...BUILT_IN_POD_SPEC_PATHS.keys(),
  'Role', 'ClusterRole', 'RoleBinding', 'ClusterRoleBinding',
  'NetworkPolicy', 'Namespace', 'Service', 'Ingress', 'Secret', 'ConfigMap', 'ServiceAccount',
  'KubeletConfiguration', 'KubeSchedulerConfiguration', 'EncryptionConfiguration', 'AdmissionConfiguration', 'Policy',
]);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A field of a parsed document; own properties only, so `constructor` or `__proto__` in a path find nothing inherited. */
export function fieldAt(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) {
    if (Array.isArray(current)) current = typeof segment === 'number' ? current[segment] : undefined;
    else if (isRecord(current) && Object.hasOwn(current, segment)) current = current[segment];
    else return undefined;
  }
  return current;
}

function stringAt(value: unknown, path: readonly PathSegment[]): string | undefined {
  const found = fieldAt(value, path);
  return typeof found === 'string' ? found : undefined;
}

/** The API group of an apiVersion: "" for the core group ("v1"), "apps" for "apps/v1". */
export function apiGroup(apiVersion: string): string {
  const slash = apiVersion.indexOf('/');
  return slash === -1 ? '' : apiVersion.slice(0, slash);
}

export interface KubeProblem {
  message: string;
  position: Position;
}

/** Looks like a Kubernetes object: the test the kind detector uses. */
export function looksLikeKubeObject(value: unknown): boolean {
  return isRecord(value) && typeof value.kind === 'string' && typeof value.apiVersion === 'string';
}

/** A List (`kind: List`, `PodList`, `kubectl get -o yaml`): its items are the objects. */
export function isKubeList(value: unknown): value is Record<string, unknown> & { items: unknown[]; kind: string } {
  return isRecord(value) && typeof value.kind === 'string' && value.kind.endsWith('List') && Array.isArray(value.items);
}

/**
 * What any API server accepts as a kind: the API server validates a CustomResourceDefinition's
 * kind, lower-cased, as a DNS-1035 label, and built-in kinds are CamelCase words. A kind with
 * spaces, control characters or `__proto__` is no object any cluster would take.
 */
const VALID_KIND = /^[a-z](?:[-a-z0-9]{0,61}[a-z0-9])?$/;

/** Edits (insert, delete, substitute, swap two neighbours) that turn `a` into `b`, capped at `limit` + 1. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  let before: number[] = [];
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      let best = Math.min((previous[j] as number) + 1, (current[j - 1] as number) + 1, (previous[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) best = Math.min(best, (before[j - 2] as number) + 1);
      current.push(best);
    }
    before = previous;
    previous = current;
  }
  return previous[b.length] as number;
}

/**
 * The kind of `kinds` that `kind` is a misspelling of: another case, or one or two edits away
 * (one for short names, where two edits reach unrelated kinds). Undefined for a kind of the group
 * or one far from all of them.
 */
function typoOf(kind: string, kinds: ReadonlySet<string> | undefined): string | undefined {
  if (!kinds || kinds.has(kind)) return undefined;
  const limit = kind.length >= 6 ? 2 : 1;
  for (const known of kinds) if (known.toLowerCase() === kind.toLowerCase() || editDistance(kind, known, limit) <= limit) return known;
  return undefined;
}

/** How findings name an object: `Deployment/web`, or `Deployment shop/web` when it has a namespace. */
export function describeObject(object: Pick<KubeObject, 'kind' | 'name' | 'namespace'>): string {
  return object.namespace ? `${object.kind} ${object.namespace}/${object.name}` : `${object.kind}/${object.name}`;
}

function podView(spec: Record<string, unknown>, path: PathSegment[]): PodView {
  const containers: ContainerView[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const items = Object.hasOwn(spec, list) ? spec[list] : undefined;
    if (!Array.isArray(items)) continue;
    items.forEach((value: unknown, index) => {
      if (isRecord(value)) containers.push({ name: typeof value.name === 'string' ? value.name : `#${index}`, list, value, path: [...path, list, index] });
    });
  }
  return { spec, path, containers };
}

/** The pod spec of a built-in workload, or of any object with a pod template at a well-known path. */
function findPod(kind: string, group: string, value: Record<string, unknown>, path: PathSegment[]): PodView | undefined {
  const builtIn = BUILT_IN_POD_SPEC_PATHS.get(kind);
  if (builtIn && BUILT_IN_GROUP_KINDS.get(group)?.has(kind)) {
    const spec = fieldAt(value, builtIn);
    return isRecord(spec) ? podView(spec, [...path, ...builtIn]) : undefined;
  }
  // Elsewhere a template is a pod template only when it has containers: Cluster API's
  // MachineDeployment also has spec.template.spec, holding a machine.
  for (const templatePath of POD_TEMPLATE_PATHS) {
    const spec = fieldAt(value, templatePath);
    if (isRecord(spec) && Array.isArray(fieldAt(spec, ['containers']))) return podView(spec, [...path, ...templatePath]);
  }
  return undefined;
}

export interface KubeObjects {
  objects: KubeObject[];
  problems: KubeProblem[];
  /** Objects of kinds no rule reads, counted per kind. */
  withoutRules: Map<string, number>;
}

/** Adds one object of `kind` to a per-kind tally. */
export function tally(counts: Map<string, number>, kind: string, by = 1): void {
  counts.set(kind, (counts.get(kind) ?? 0) + by);
}

/**
 * The objects of one document value at `path`: itself, or the items of a List. Every object is
 * returned, whatever its kind, so every rule sees it; a kind its built-in API group does not have
 * (a typo such as `kind: Deploymnet` in apps/v1) is reported instead, because it would otherwise
 * go unchecked.
 */
export function kubeObjectsAt(value: unknown, path: PathSegment[], document: YamlDocument, into: KubeObjects): void {
  if (!isRecord(value)) return;
  const kind = value.kind;
  if (typeof kind !== 'string' || kind === '') {
    into.problems.push({ message: 'document has no "kind:"; not a Kubernetes object', position: document.locate(path) });
    return;
  }
  if (isKubeList(value)) {
    value.items.forEach((item: unknown, index) => kubeObjectsAt(item, [...path, 'items', index], document, into));
    return;
  }
  const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
  if (!VALID_KIND.test(kind.toLowerCase())) {
    into.problems.push({ message: `unknown kind "${kind}" (apiVersion "${apiVersion}"): not a kind name in any API (a letter, then letters, digits or -)`, position: document.locate([...path, 'kind']) });
    return;
  }
  const group = apiGroup(apiVersion);
  const intended = apiVersion ? typoOf(kind, BUILT_IN_GROUP_KINDS.get(group)) : undefined;
  if (intended) {
    into.problems.push({
      message: `unknown kind "${kind}" (apiVersion "${apiVersion}"): API group ${group === '' ? 'core (v1)' : group} has no such kind; did you mean ${intended}?`,
      position: document.locate([...path, 'kind']),
    });
    return;
  }
  const name = stringAt(value, ['metadata', 'name']);
  const generateName = stringAt(value, ['metadata', 'generateName']);
  const object: KubeObject = {
    kind,
    apiVersion,
    name: name ?? (generateName === undefined ? '(unnamed)' : `${generateName}*`),
    namespace: stringAt(value, ['metadata', 'namespace']),
    value,
    path,
    document,
  };
  const pod = findPod(kind, group, value, path);
  if (pod) object.pod = pod;
  else if (!KINDS_WITH_RULES.has(kind)) tally(into.withoutRules, kind);
  into.objects.push(object);
}

/** The objects of one document: itself, or the items of a List. */
export function kubeObjects(document: YamlDocument): KubeObjects {
  const found: KubeObjects = { objects: [], problems: [], withoutRules: new Map() };
  kubeObjectsAt(document.value, [], document, found);
  return found;
}
