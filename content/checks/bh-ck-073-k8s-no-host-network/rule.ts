import { defineRule } from '../../../src/rules/api.ts';
import { podField } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) => {
    if (!object.pod) return [];
    const setting = podField(object.pod, 'hostNetwork');
    return setting.value === true ? [{ message: `hostNetwork: true puts the pod in the node's network namespace: it can bind node ports and reach services on the node's loopback`, at: setting.path }] : [];
  },
});
