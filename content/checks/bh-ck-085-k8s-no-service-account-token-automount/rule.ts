import { defineRule } from '../../../src/rules/api.ts';
import { podField } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) => {
    if (!object.pod) return [];
    const automount = podField(object.pod, 'automountServiceAccountToken');
    if (automount.value === false) return [];
    const account = podField(object.pod, 'serviceAccountName').value;
    const name = typeof account === 'string' ? account : 'default';
    // The ServiceAccount can also switch automounting off; a manifest of one workload cannot see it.
    return [{ message: `the pod gets a token of service account "${name}" mounted: set automountServiceAccountToken: false unless it calls the Kubernetes API (or the ServiceAccount already sets it)`, at: automount.path }];
  },
});
