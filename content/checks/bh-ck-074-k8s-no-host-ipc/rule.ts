import { defineRule } from '../../../src/rules/api.ts';
import { podField } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) => {
    if (!object.pod) return [];
    const setting = podField(object.pod, 'hostIPC');
    return setting.value === true ? [{ message: `hostIPC: true puts the pod in the node's IPC namespace: host shared memory and message queues are reachable`, at: setting.path }] : [];
  },
});
