/**
 * The RBAC objects the API server creates for itself, so rules can leave exactly those alone.
 * A name alone proves nothing: anyone who can write RBAC can call a binding
 * `system:public-info-viewer` and point it at cluster-admin. An object counts as built-in only
 * when its content is the default for its name.
 *
 * Sources:
 * - Roles: Kubernetes documentation, "Using RBAC Authorization", section "Default roles and role
 *   bindings": the user-facing roles and the system: roles of the API server's own components.
 * - Bindings: Kubernetes documentation, "Using RBAC Authorization", section "Default roles and
 *   role bindings" (https://kubernetes.io/docs/reference/access-authn-authz/rbac/#default-roles-and-role-bindings),
 *   the "Default ClusterRoleBinding" column.
 * - Wildcard rules of default roles: the bootstrap policy the API server reconciles, as recorded
 *   in kubernetes/kubernetes plugin/pkg/auth/authorizer/rbac/bootstrappolicy/testdata/
 *   cluster-roles.yaml and controller-roles.yaml (the RBAC docs list the roles, not their rules).
 */
import type { KubeObject } from '../artifacts/kubernetes.ts';
import { isRecord } from './kubernetes.ts';

const RBAC_GROUP = 'rbac.authorization.k8s.io';

interface Subject {
  kind: 'Group' | 'User';
  name: string;
}

/** The API server creates its default roles with this label and reconciles them at every start. */
export const BOOTSTRAP_LABEL = 'kubernetes.io/bootstrapping';

/**
 * ClusterRoles the API server creates and keeps (besides the controllers' roles, which are all
 * system:controller:…).
 */
export const DEFAULT_CLUSTER_ROLES: ReadonlySet<string> = new Set([
  'cluster-admin', 'admin', 'edit', 'view', 'system:aggregate-to-admin', 'system:aggregate-to-edit', 'system:aggregate-to-view',
  'system:basic-user', 'system:discovery', 'system:public-info-viewer', 'system:auth-delegator', 'system:heapster', 'system:kube-aggregator',
  'system:kube-controller-manager', 'system:kube-dns', 'system:kube-scheduler', 'system:kubelet-api-admin', 'system:monitoring', 'system:node',
  'system:node-bootstrapper', 'system:node-problem-detector', 'system:node-proxier', 'system:persistent-volume-provisioner',
  'system:service-account-issuer-discovery', 'system:volume-scheduler', 'system:certificates.k8s.io:certificatesigningrequests:nodeclient',
  'system:certificates.k8s.io:certificatesigningrequests:selfnodeclient', 'system:certificates.k8s.io:kube-apiserver-client-approver',
  'system:certificates.k8s.io:kube-apiserver-client-kubelet-approver', 'system:certificates.k8s.io:kubelet-serving-approver',
  'system:certificates.k8s.io:legacy-unknown-approver',
]);

/**
 * True for a default ClusterRole of the API server: the bootstrapping label AND a default name.
 * The label alone is not enough: anyone who can create a role can write it, and would hide a
 * role from every RBAC check by doing so.
 */
export function isDefaultRole(value: Record<string, unknown>, kind = 'ClusterRole'): boolean {
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const labels = isRecord(metadata.labels) ? metadata.labels : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  return kind === 'ClusterRole' && labels[BOOTSTRAP_LABEL] === 'rbac-defaults' && (DEFAULT_CLUSTER_ROLES.has(name) || name.startsWith('system:controller:'));
}

/** Default ClusterRoleBindings: each binds the ClusterRole of the same name to these subjects. */
const DEFAULT_CLUSTER_ROLE_BINDINGS = new Map<string, readonly Subject[]>([
  ['cluster-admin', [{ kind: 'Group', name: 'system:masters' }]],
  ['system:basic-user', [{ kind: 'Group', name: 'system:authenticated' }]],
  ['system:discovery', [{ kind: 'Group', name: 'system:authenticated' }]],
  ['system:public-info-viewer', [{ kind: 'Group', name: 'system:authenticated' }, { kind: 'Group', name: 'system:unauthenticated' }]],
  ['system:kube-scheduler', [{ kind: 'User', name: 'system:kube-scheduler' }]],
  ['system:volume-scheduler', [{ kind: 'User', name: 'system:kube-scheduler' }]],
  ['system:kube-controller-manager', [{ kind: 'User', name: 'system:kube-controller-manager' }]],
  ['system:node-proxier', [{ kind: 'User', name: 'system:kube-proxy' }]],
  ['system:monitoring', [{ kind: 'Group', name: 'system:monitoring' }]],
]);

function text(value: unknown): string {
  return typeof value === 'string' ? value : '';
}

function subjectKey(subject: unknown): string {
  if (!isRecord(subject)) return '';
  // Groups and Users belong to the RBAC API group; a subject may leave it out.
  const group = subject.apiGroup === undefined ? RBAC_GROUP : text(subject.apiGroup);
  return `${text(subject.kind)}\u0000${group}\u0000${text(subject.name)}\u0000${text(subject.namespace)}`;
}

/** True only for a ClusterRoleBinding whose name, roleRef and subjects are all the default for that name. */
export function isDefaultBinding(object: KubeObject): boolean {
  if (object.kind !== 'ClusterRoleBinding') return false;
  const subjects = DEFAULT_CLUSTER_ROLE_BINDINGS.get(object.name);
  if (!subjects) return false;
  const roleRef = isRecord(object.value.roleRef) ? object.value.roleRef : {};
  if (roleRef.kind !== 'ClusterRole' || roleRef.name !== object.name || roleRef.apiGroup !== RBAC_GROUP) return false;
  const written = Array.isArray(object.value.subjects) ? object.value.subjects.map(subjectKey) : [];
  const expected = subjects.map((subject) => subjectKey({ ...subject, apiGroup: RBAC_GROUP }));
  return written.length === expected.length && new Set(written).size === written.length && expected.every((key) => written.includes(key));
}

/**
 * kubeadm's RoleBinding that lets joining nodes read the kube-public/cluster-info ConfigMap
 * anonymously (kubeadm's clusterinfo phase: Role and RoleBinding kubeadm:bootstrap-signer-clusterinfo,
 * subject User system:anonymous). Left alone only in exactly that form; what its Role grants is
 * judged by the role checks, since kubeadm's Role is not a default of the API server.
 */
export function isKubeadmClusterInfoBinding(object: KubeObject): boolean {
  const name = 'kubeadm:bootstrap-signer-clusterinfo';
  if (object.kind !== 'RoleBinding' || object.name !== name || object.namespace !== 'kube-public') return false;
  const roleRef = isRecord(object.value.roleRef) ? object.value.roleRef : {};
  if (roleRef.kind !== 'Role' || roleRef.name !== name || roleRef.apiGroup !== RBAC_GROUP) return false;
  const written = Array.isArray(object.value.subjects) ? object.value.subjects.map(subjectKey) : [];
  return written.length === 1 && written[0] === subjectKey({ kind: 'User', name: 'system:anonymous', apiGroup: RBAC_GROUP });
}

/** One policy rule, as sets: order does not change what a rule grants. */
interface RuleShape {
  apiGroups?: readonly string[];
  resources?: readonly string[];
  verbs: readonly string[];
  nonResourceURLs?: readonly string[];
}

const CLUSTER_WIDE_READ: RuleShape = { apiGroups: ['*'], resources: ['*'], verbs: ['list', 'watch'] };

/** Rules with `*` in the default ClusterRoles that have any (bootstrap policy, v1.35). */
const DEFAULT_WILDCARD_RULES = new Map<string, readonly RuleShape[]>([
  ['cluster-admin', [{ apiGroups: ['*'], resources: ['*'], verbs: ['*'] }, { nonResourceURLs: ['*'], verbs: ['*'] }]],
  ['system:kube-controller-manager', [CLUSTER_WIDE_READ]],
  ['system:kubelet-api-admin', [{ apiGroups: [''], resources: ['nodes/log', 'nodes/metrics', 'nodes/proxy', 'nodes/stats'], verbs: ['*'] }]],
  ['system:controller:disruption-controller', [{ apiGroups: ['*'], resources: ['*/scale'], verbs: ['get'] }]],
  ['system:controller:generic-garbage-collector', [{ apiGroups: ['*'], resources: ['*'], verbs: ['delete', 'get', 'list', 'patch', 'update', 'watch'] }]],
  [
    'system:controller:horizontal-pod-autoscaler',
    [
      { apiGroups: ['*'], resources: ['*/scale'], verbs: ['get', 'update'] },
      { apiGroups: ['custom.metrics.k8s.io'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
      { apiGroups: ['external.metrics.k8s.io'], resources: ['*'], verbs: ['get', 'list', 'watch'] },
    ],
  ],
  ['system:controller:namespace-controller', [{ apiGroups: ['*'], resources: ['*'], verbs: ['delete', 'deletecollection', 'get', 'list', 'watch'] }]],
  ['system:controller:resourcequota-controller', [CLUSTER_WIDE_READ]],
]);

const RULE_FIELDS = ['apiGroups', 'resources', 'verbs', 'nonResourceURLs', 'resourceNames'] as const;

function sameSet(written: unknown, expected: readonly string[] | undefined): boolean {
  const values = Array.isArray(written) ? written : written === undefined || written === null ? [] : [written];
  const wanted = expected ?? [];
  return values.length === wanted.length && wanted.every((value) => values.includes(value)) && values.every((value) => wanted.includes(value as string));
}

/**
 * True when `rule` of this ClusterRole is one of the wildcard rules Kubernetes gives that role
 * by default. A modified rule, a namespaced Role or a role that merely borrows a `system:` name
 * is not.
 */
export function isDefaultWildcardRule(object: KubeObject, rule: unknown): boolean {
  if (object.kind !== 'ClusterRole' || !isRecord(rule)) return false;
  const defaults = DEFAULT_WILDCARD_RULES.get(object.name) ?? [];
  return defaults.some((shape) => RULE_FIELDS.every((field) => sameSet(rule[field], field === 'resourceNames' ? undefined : shape[field])));
}
