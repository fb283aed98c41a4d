import { defineRule } from '../../../src/rules/api.ts';

/** Objects Kubernetes itself keeps in the default namespace. */
const BUILT_IN = new Set(['Service/kubernetes', 'Endpoints/kubernetes', 'EndpointSlice/kubernetes', 'ServiceAccount/default', 'ConfigMap/kube-root-ca.crt']);

export default defineRule({
  kubernetes: (object) => {
    if (object.namespace !== 'default' || BUILT_IN.has(`${object.kind}/${object.name}`)) return [];
    return [{ message: `${object.kind} ${object.name} is placed in the default namespace, which usually has no Pod Security level, NetworkPolicy or quota of its own; give the application its own namespace`, at: [...object.path, 'metadata', 'namespace'] }];
  },
});
