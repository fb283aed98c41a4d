import { defineRule } from '../../../src/rules/api.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';

const FIELDS = ['verbs', 'resources', 'apiGroups', 'nonResourceURLs'] as const;

export default defineRule({
  kubernetes: (object) => {
    // cluster-admin and the system: roles are the platform's own; the check looks at everything else.
    if ((object.kind !== 'Role' && object.kind !== 'ClusterRole') || object.name === 'cluster-admin' || object.name.startsWith('system:')) return [];
    const rules = Array.isArray(object.value.rules) ? object.value.rules : [];
    return rules.flatMap((rule: unknown, index) =>
      FIELDS.flatMap((field) => {
        const values = isRecord(rule) && Array.isArray(rule[field]) ? rule[field] : [];
        const wildcard = values.indexOf('*');
        return wildcard === -1 ? [] : [{ message: `${object.kind} ${object.name} grants * in ${field} of rule ${index + 1}, which also covers resources and verbs added later`, at: [...object.path, 'rules', index, field, wildcard] }];
      }),
    );
  },
});
