import { defineRule } from '../../../src/rules/api.ts';
import { isDefaultBinding } from '../../../src/rules/rbac-defaults.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) => {
    if ((object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding') || isDefaultBinding(object)) return [];
    const subjects: unknown[] = Array.isArray(object.value.subjects) ? object.value.subjects : [];
    return subjects.flatMap((subject, index) =>
      isRecord(subject) && subject.kind === 'Group' && subject.name === 'system:masters'
        ? [{ message: `${object.kind} ${object.name} names the group system:masters, whose members bypass RBAC whatever is bound to them; give administrators a named group and a binding instead`, at: [...object.path, 'subjects', index, 'name'] }]
        : [],
    );
  },
});
