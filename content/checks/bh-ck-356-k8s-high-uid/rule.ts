import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, effectiveSecurityContext, forEachContainer, podField } from '../../../src/rules/kubernetes.ts';

/** UIDs up to this value are left to the node's own accounts. */
const HIGHEST_LOW_UID = 10000;

export default defineRule({
  kubernetes: (object) => {
    if (!object.pod || podField(object.pod, 'hostUsers').value === false) return [];
    return forEachContainer(object, (container, pod) => {
      const user = effectiveSecurityContext(pod, container, 'runAsUser');
      if (typeof user.value === 'number' && user.value > HIGHEST_LOW_UID) return [];
      const detail = typeof user.value === 'number' ? `runs as UID ${user.value}` : 'sets no runAsUser, so it runs as the image user';
      return [{ message: `${describeContainer(container)} ${detail}; in the node's user namespace that UID can match a node account (use a UID above ${HIGHEST_LOW_UID} or hostUsers: false)`, at: user.path }];
    });
  },
});
