import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer, isRecord } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) => {
      if (container.list === 'ephemeralContainers') return [];
      const ports = Array.isArray(container.value.ports) ? container.value.ports : [];
      return ports.flatMap((port: unknown, index) =>
        isRecord(port) && typeof port.hostPort === 'number' && port.hostPort !== 0
          ? [{ message: `${describeContainer(container)} binds host port ${port.hostPort} on the node's address; expose it through a Service instead`, at: [...container.path, 'ports', index, 'hostPort'] }]
          : [],
      );
    }),
});
