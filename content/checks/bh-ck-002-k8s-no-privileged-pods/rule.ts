import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer, isRecord } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  // `privileged` exists only in a container's securityContext (PodSecurityContext has no such
  // field), so a pod-level value is ignored by Kubernetes and must not be reported.
  kubernetes: (object) =>
    forEachContainer(object, (container) => {
      const context = isRecord(container.value.securityContext) ? container.value.securityContext : {};
      return context.privileged === true ? [{ message: `${describeContainer(container)} sets securityContext.privileged: true`, at: [...container.path, 'securityContext', 'privileged'] }] : [];
    }),
});
