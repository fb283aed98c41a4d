import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer, isRecord } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) => {
      const context = isRecord(container.value.securityContext) ? container.value.securityContext : {};
      const procMount = context.procMount;
      return procMount === undefined || procMount === 'Default' ? [] : [{ message: `${describeContainer(container)} sets procMount: ${String(procMount)}, which leaves /proc paths unmasked`, at: [...container.path, 'securityContext', 'procMount'] }];
    }),
});
