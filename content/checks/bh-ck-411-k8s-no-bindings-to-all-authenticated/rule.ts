import { defineRule } from '../../../src/rules/api.ts';
import { isDefaultBinding } from '../../../src/rules/rbac-defaults.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';

function isBroadGroup(name: string): boolean {
  return name === 'system:authenticated' || name === 'system:serviceaccounts' || name.startsWith('system:serviceaccounts:');
}

// A default binding is exempt only when its name, roleRef and subjects are all the defaults
// (src/rules/rbac-defaults.ts): a label or a name alone can be written by anyone.
export default defineRule({
  kubernetes: (object) => {
    if ((object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding') || isDefaultBinding(object)) return [];
    const roleRef = isRecord(object.value.roleRef) ? object.value.roleRef : {};
    const subjects: unknown[] = Array.isArray(object.value.subjects) ? object.value.subjects : [];
    return subjects.flatMap((subject, index) =>
      isRecord(subject) && subject.kind === 'Group' && typeof subject.name === 'string' && isBroadGroup(subject.name)
        ? [{ message: `${object.kind} ${object.name} grants ${String(roleRef.kind)} ${String(roleRef.name)} to the group ${subject.name}, that is, to every ${subject.name === 'system:authenticated' ? 'authenticated user' : 'service account it covers'}`, at: [...object.path, 'subjects', index, 'name'] }]
        : [],
    );
  },
});
