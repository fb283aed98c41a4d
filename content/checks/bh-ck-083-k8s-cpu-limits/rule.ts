import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer, isZeroQuantity, resourceLimit } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) => {
      // Ephemeral containers cannot have resources: the check covers containers and init containers.
      if (container.list === 'ephemeralContainers') return [];
      const limit = resourceLimit(container, 'cpu');
      if (limit.value === undefined || limit.value === null) return [{ message: `${describeContainer(container)} sets no cpu limit`, at: limit.path }];
      return isZeroQuantity(limit.value) ? [{ message: `${describeContainer(container)} sets a cpu limit of 0, which the kubelet treats as no limit`, at: limit.path }] : [];
    }),
});
