import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer, isRecord, resourceLimit } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) => {
      // Ephemeral containers cannot have resources: the check covers containers and init containers.
      if (container.list === 'ephemeralContainers') return [];
      const resources = isRecord(container.value.resources) ? container.value.resources : {};
      const requests = isRecord(resources.requests) ? resources.requests : {};
      const request = requests.memory;
      if (request !== undefined && request !== null) return [];
      // Kubernetes copies a limit into a missing request at admission.
      const limit = resourceLimit(container, 'memory');
      if (limit.value !== undefined && limit.value !== null) return [];
      return [{ message: `${describeContainer(container)} sets no memory request (and no memory limit to copy it from), so the scheduler reserves no memory for it`, at: [...container.path, 'resources', 'requests', 'memory'] }];
    }),
});
