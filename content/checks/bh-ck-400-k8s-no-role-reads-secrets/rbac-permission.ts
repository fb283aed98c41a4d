/**
 * Shared by the RBAC permission checks BH-CK-400 to BH-CK-409: decides whether a Role or
 * ClusterRole rule grants an operation, the way the API server's RBAC authorizer matches rules
 * (an exact value or "*"; a resource also matches "*\/<subresource>" for a subresource).
 * Default ClusterRoles are left alone: which they are is decided in src/rules/rbac-defaults.ts.
 */
import { defineRule, type CheckRule, type RuleHit } from '../../../src/rules/api.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';
import { isDefaultRole } from '../../../src/rules/rbac-defaults.ts';

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
