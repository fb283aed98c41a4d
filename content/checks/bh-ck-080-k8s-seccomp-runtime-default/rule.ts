import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, effectiveSecurityContext, forEachContainer, isRecord } from '../../../src/rules/kubernetes.ts';

const CONFINED = new Set(['RuntimeDefault', 'Localhost']);

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container, pod) => {
      const profile = effectiveSecurityContext(pod, container, 'seccompProfile');
      const type = isRecord(profile.value) ? profile.value.type : undefined;
      if (typeof type === 'string' && CONFINED.has(type)) return [];
      const detail = typeof type === 'string' ? `has seccompProfile type ${type}` : 'has no seccompProfile on the container or the pod';
      return [{ message: `${describeContainer(container)} ${detail}, so it runs without a seccomp filter`, at: profile.set ? [...profile.path, 'type'] : profile.path }];
    }),
});
