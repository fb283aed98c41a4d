import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer, isRecord } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) => {
      // Ephemeral containers cannot have resources: the check covers containers and init containers.
      if (container.list === 'ephemeralContainers') return [];
      const resources = isRecord(container.value.resources) ? container.value.resources : {};
      const limits = isRecord(resources.limits) ? resources.limits : {};
      return limits.cpu === undefined || limits.cpu === null ? [{ message: `${describeContainer(container)} sets no cpu limit`, at: [...container.path, 'resources', 'limits', 'cpu'] }] : [];
    }),
});
