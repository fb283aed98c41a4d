/**
 * Shared by the RBAC permission checks BH-CK-400 to BH-CK-409: decides whether a Role or
 * ClusterRole rule grants an operation, the way the API server's RBAC authorizer matches rules
 * (an exact value or "*"; a resource also matches "*\/<subresource>" for a subresource).
 */
import { defineRule, type CheckRule, type RuleHit } from '../../../src/rules/api.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';

export interface Operation {
  /** API groups the resources live in; "" is the core group. */
  groups: readonly string[];
  resources: readonly string[];
  verbs: readonly string[];
}

export interface PermissionCheck {
  operations: readonly Operation[];
  /** What the permission lets the holder do, for the message: "… grants get on secrets, which <consequence>". */
  consequence: string;
  /** Leave out rules limited by resourceNames (they reach only the named objects). */
  ignoreNamedRules?: boolean;
}

/** The API server creates its default roles with this label and reconciles them at every start. */
export const BOOTSTRAP_LABEL = 'kubernetes.io/bootstrapping';

function strings(value: unknown): string[] {
  return Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : [];
}

function resourceMatches(granted: string, wanted: string): boolean {
  if (granted === '*' || granted === wanted) return true;
  const slash = wanted.indexOf('/');
  return slash > 0 && granted === `*/${wanted.slice(slash + 1)}`;
}

/** The first (verb, resource) of `operation` that `rule` grants, or undefined. */
export function grants(rule: unknown, operation: Operation): { verb: string; resource: string } | undefined {
  if (!isRecord(rule)) return undefined;
  const groups = strings(rule.apiGroups);
  if (!groups.some((group) => group === '*' || operation.groups.includes(group))) return undefined;
  const verbs = strings(rule.verbs);
  const verb = operation.verbs.find((wanted) => verbs.includes('*') || verbs.includes(wanted));
  if (!verb) return undefined;
  const resources = strings(rule.resources);
  const resource = operation.resources.find((wanted) => resources.some((granted) => resourceMatches(granted, wanted)));
  return resource ? { verb, resource } : undefined;
}

/**
 * ClusterRoles the API server creates and keeps (Kubernetes RBAC, "Default roles and role
 * bindings"): user-facing roles and the system: roles of its own components.
 */
const DEFAULT_CLUSTER_ROLES = new Set([
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
 * True for a default ClusterRole of the API server: the bootstrapping label AND a default name
 * (the controllers' roles are all system:controller:…). The label alone is not enough: anyone who
 * can create a role can write it, and would hide a role from every RBAC check by doing so.
 */
export function isDefaultRole(value: Record<string, unknown>, kind = 'ClusterRole'): boolean {
  const metadata = isRecord(value.metadata) ? value.metadata : {};
  const labels = isRecord(metadata.labels) ? metadata.labels : {};
  const name = typeof metadata.name === 'string' ? metadata.name : '';
  return kind === 'ClusterRole' && labels[BOOTSTRAP_LABEL] === 'rbac-defaults' && (DEFAULT_CLUSTER_ROLES.has(name) || name.startsWith('system:controller:'));
}

/** A rule that reports every Role or ClusterRole rule granting one of the operations. */
export function permissionRule(check: PermissionCheck): CheckRule {
  return defineRule({
    kubernetes: (object) => {
      if ((object.kind !== 'Role' && object.kind !== 'ClusterRole') || isDefaultRole(object.value, object.kind)) return [];
      const rules: unknown[] = Array.isArray(object.value.rules) ? object.value.rules : [];
      return rules.flatMap((rule, index): RuleHit[] => {
        if (check.ignoreNamedRules && isRecord(rule) && strings(rule.resourceNames).length > 0) return [];
        for (const operation of check.operations) {
          const granted = grants(rule, operation);
          if (granted) return [{ message: `${object.kind} ${object.name} grants ${granted.verb} on ${granted.resource} in rule ${index + 1}, which ${check.consequence}`, at: [...object.path, 'rules', index] }];
        }
        return [];
      });
    },
  });
}
