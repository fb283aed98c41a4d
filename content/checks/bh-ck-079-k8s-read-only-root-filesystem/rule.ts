import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer, isRecord } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) => {
      const context = isRecord(container.value.securityContext) ? container.value.securityContext : {};
      return context.readOnlyRootFilesystem === true ? [] : [{ message: `${describeContainer(container)} has a writable root filesystem (readOnlyRootFilesystem is not true)`, at: [...container.path, 'securityContext', 'readOnlyRootFilesystem'] }];
    }),
});
