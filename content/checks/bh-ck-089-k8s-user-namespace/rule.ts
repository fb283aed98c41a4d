import { defineRule } from '../../../src/rules/api.ts';
import { podField } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) => {
    if (!object.pod) return [];
    const hostUsers = podField(object.pod, 'hostUsers');
    return hostUsers.value === false ? [] : [{ message: `the pod ${hostUsers.value === true ? 'sets hostUsers: true' : 'does not set hostUsers: false'}, so UID 0 in its containers is UID 0 on the node`, at: hostUsers.path }];
  },
});
