import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, effectiveSecurityContext, forEachContainer } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container, pod) => {
      const nonRoot = effectiveSecurityContext(pod, container, 'runAsNonRoot');
      const user = effectiveSecurityContext(pod, container, 'runAsUser');
      if (nonRoot.value === true || (typeof user.value === 'number' && user.value !== 0)) return [];
      const detail = user.value === 0 ? 'runs as UID 0' : nonRoot.value === false ? 'sets runAsNonRoot: false' : 'sets neither runAsNonRoot: true nor a non-zero runAsUser';
      return [{ message: `${describeContainer(container)} ${detail}, so it may run as root`, at: user.value === 0 ? user.path : nonRoot.path }];
    }),
});
