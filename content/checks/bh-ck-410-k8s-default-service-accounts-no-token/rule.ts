import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  kubernetes: (object) => {
    if (object.kind !== 'ServiceAccount' || object.name !== 'default' || object.value.automountServiceAccountToken === false) return [];
    const where = 'automountServiceAccountToken' in object.value ? [...object.path, 'automountServiceAccountToken'] : [...object.path, 'metadata', 'name'];
    return [{ message: `the default ServiceAccount${object.namespace ? ` of namespace ${object.namespace}` : ''} does not set automountServiceAccountToken: false, so every pod that names no service account gets its token`, at: where }];
  },
});
