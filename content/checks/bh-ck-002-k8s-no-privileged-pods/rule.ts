import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, effectiveSecurityContext, forEachContainer } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container, pod) => {
      const privileged = effectiveSecurityContext(pod, container, 'privileged');
      return privileged.value === true ? [{ message: `${describeContainer(container)} sets securityContext.privileged: true`, at: privileged.path }] : [];
    }),
});
