import { defineRule } from '../../../src/rules/api.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';
import { isDefaultWildcardRule } from '../../../src/rules/rbac-defaults.ts';

const FIELDS = ['verbs', 'resources', 'apiGroups', 'nonResourceURLs'] as const;

export default defineRule({
  kubernetes: (object) => {
    if (object.kind !== 'Role' && object.kind !== 'ClusterRole') return [];
    const rules = Array.isArray(object.value.rules) ? object.value.rules : [];
    return rules.flatMap((rule: unknown, index) => {
      // cluster-admin and a few controller roles hold wildcards by default; such a rule is left
      // alone only while it is the default one, whatever the role is called.
      if (isDefaultWildcardRule(object, rule)) return [];
      return FIELDS.flatMap((field) => {
        const values = isRecord(rule) && Array.isArray(rule[field]) ? rule[field] : [];
        const wildcard = values.indexOf('*');
        return wildcard === -1 ? [] : [{ message: `${object.kind} ${object.name} grants * in ${field} of rule ${index + 1}, which also covers resources and verbs added later`, at: [...object.path, 'rules', index, field, wildcard] }];
      });
    });
  },
});
