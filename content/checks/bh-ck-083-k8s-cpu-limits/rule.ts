import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer, resourceLimit } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) => {
      // Ephemeral containers cannot have resources: the check covers containers and init containers.
      if (container.list === 'ephemeralContainers') return [];
      const limit = resourceLimit(container, 'cpu');
      return limit.value === undefined || limit.value === null ? [{ message: `${describeContainer(container)} sets no cpu limit`, at: limit.path }] : [];
    }),
});
