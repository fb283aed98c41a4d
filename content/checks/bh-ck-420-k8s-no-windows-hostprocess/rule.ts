import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, effectiveSecurityContext, forEachContainer, isRecord } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container, pod) => {
      const options = effectiveSecurityContext(pod, container, 'windowsOptions');
      if (!isRecord(options.value) || options.value.hostProcess !== true) return [];
      return [{ message: `${describeContainer(container)} runs as a Windows HostProcess container, directly on the node with access to its files, devices and network`, at: [...options.path, 'hostProcess'] }];
    }),
});
