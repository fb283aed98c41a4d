import { defineRule } from '../../../src/rules/api.ts';
import { podField } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) => {
    if (!object.pod) return [];
    const setting = podField(object.pod, 'hostPID');
    return setting.value === true ? [{ message: `hostPID: true puts the pod in the host PID namespace: its processes can see and signal every process on the node`, at: setting.path }] : [];
  },
});
