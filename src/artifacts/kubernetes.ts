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

/** Where each workload kind keeps its pod spec. */
const POD_SPEC_PATHS: Record<string, PathSegment[]> = {
  Pod: ['spec'],
  PodTemplate: ['template', 'spec'],
  Deployment: ['spec', 'template', 'spec'],
  ReplicaSet: ['spec', 'template', 'spec'],
  ReplicationController: ['spec', 'template', 'spec'],
  StatefulSet: ['spec', 'template', 'spec'],
  DaemonSet: ['spec', 'template', 'spec'],
  Job: ['spec', 'template', 'spec'],
  CronJob: ['spec', 'jobTemplate', 'spec', 'template', 'spec'],
};

/** Built-in kinds that hold no pod: recognised, so they are not reported as unknown. */
const OTHER_BUILT_IN_KINDS = new Set([
  'APIService', 'Binding', 'CSIDriver', 'CSINode', 'CSIStorageCapacity', 'CertificateSigningRequest', 'ClusterRole',
  'ClusterRoleBinding', 'ClusterTrustBundle', 'ComponentStatus', 'ConfigMap', 'ControllerRevision', 'CustomResourceDefinition',
  'DeviceClass', 'EndpointSlice', 'Endpoints', 'Event', 'FlowSchema', 'GRPCRoute', 'Gateway', 'GatewayClass', 'HTTPRoute',
  'HorizontalPodAutoscaler', 'IPAddress', 'Ingress', 'IngressClass', 'Lease', 'LimitRange', 'MutatingAdmissionPolicy',
  'MutatingAdmissionPolicyBinding', 'MutatingWebhookConfiguration', 'Namespace', 'NetworkPolicy', 'Node', 'PersistentVolume',
  'PersistentVolumeClaim', 'PodDisruptionBudget', 'PodSecurityPolicy', 'PriorityClass', 'PriorityLevelConfiguration',
  'ReferenceGrant', 'ResourceClaim', 'ResourceClaimTemplate', 'ResourceQuota', 'ResourceSlice', 'Role', 'RoleBinding',
  'RuntimeClass', 'Secret', 'Service', 'ServiceAccount', 'ServiceCIDR', 'StorageClass', 'StorageVersionMigration',
  'TCPRoute', 'TLSRoute', 'UDPRoute', 'ValidatingAdmissionPolicy', 'ValidatingAdmissionPolicyBinding',
  'ValidatingWebhookConfiguration', 'VolumeAttachment', 'VolumeAttributesClass',
]);

export function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function at(value: unknown, path: readonly PathSegment[]): unknown {
  let current = value;
  for (const segment of path) current = isRecord(current) || Array.isArray(current) ? (current as Record<PathSegment, unknown>)[segment] : undefined;
  return current;
}

/** Custom resources (a dotted API group that is not Kubernetes' own) are skipped, not reported. */
function isCustomResource(apiVersion: string): boolean {
  const group = apiVersion.includes('/') ? (apiVersion.split('/')[0] ?? '') : '';
  return group.includes('.') && (!group.endsWith('.k8s.io') || group.endsWith('x-k8s.io'));
}

export interface KubeProblem {
  message: string;
  position: Position;
}

/** Looks like a Kubernetes object: the test the kind detector uses. */
export function looksLikeKubeObject(value: unknown): boolean {
  return isRecord(value) && typeof value.kind === 'string' && typeof value.apiVersion === 'string';
}

function podView(spec: Record<string, unknown>, path: PathSegment[]): PodView {
  const containers: ContainerView[] = [];
  for (const list of ['initContainers', 'containers', 'ephemeralContainers'] as const) {
    const items = spec[list];
    if (!Array.isArray(items)) continue;
    items.forEach((value: unknown, index) => {
      if (isRecord(value)) containers.push({ name: typeof value.name === 'string' ? value.name : `#${index}`, list, value, path: [...path, list, index] });
    });
  }
  return { spec, path, containers };
}

/**
 * The objects of one document: itself, or the items of a List. Unknown built-in kinds are
 * reported (a typo such as `kind: Deploymnet` would otherwise go unchecked).
 */
export function kubeObjects(document: YamlDocument): { objects: KubeObject[]; problems: KubeProblem[] } {
  const objects: KubeObject[] = [];
  const problems: KubeProblem[] = [];
  const visit = (value: unknown, path: PathSegment[]) => {
    if (!isRecord(value)) return;
    const kind = value.kind;
    const apiVersion = typeof value.apiVersion === 'string' ? value.apiVersion : '';
    if (typeof kind !== 'string' || kind === '') {
      problems.push({ message: 'document has no "kind:"; not a Kubernetes object', position: document.locate(path) });
      return;
    }
    if (kind.endsWith('List') && Array.isArray(value.items)) {
      value.items.forEach((item: unknown, index) => visit(item, [...path, 'items', index]));
      return;
    }
    const metadata = isRecord(value.metadata) ? value.metadata : {};
    const object: KubeObject = {
      kind,
      apiVersion,
      name: typeof metadata.name === 'string' ? metadata.name : typeof metadata.generateName === 'string' ? `${metadata.generateName}*` : '(unnamed)',
      namespace: typeof metadata.namespace === 'string' ? metadata.namespace : undefined,
      value,
      path,
      document,
    };
    const podPath = POD_SPEC_PATHS[kind];
    if (podPath && !isCustomResource(apiVersion)) {
      const spec = at(value, podPath);
      if (isRecord(spec)) object.pod = podView(spec, [...path, ...podPath]);
    } else if (!OTHER_BUILT_IN_KINDS.has(kind) && !isCustomResource(apiVersion)) {
      problems.push({ message: `unknown kind "${kind}" (apiVersion "${apiVersion}"): not a Kubernetes kind bulkhead knows`, position: document.locate([...path, 'kind']) });
      return;
    }
    objects.push(object);
  };
  visit(document.value, []);
  return { objects, problems };
}
