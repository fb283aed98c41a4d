import { defineRule } from '../../../src/rules/api.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) => {
    if (object.kind !== 'Ingress') return [];
    const spec = isRecord(object.value.spec) ? object.value.spec : {};
    if (Array.isArray(spec.tls) && spec.tls.length > 0) return [];
    return [{ message: `Ingress ${object.name} has no spec.tls, so its hosts are served over plain HTTP`, at: 'tls' in spec ? [...object.path, 'spec', 'tls'] : [...object.path, 'spec'] }];
  },
});
