import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, effectiveWindowsOption, forEachContainer } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container, pod) => {
      const hostProcess = effectiveWindowsOption(pod, container, 'hostProcess');
      if (hostProcess.value !== true) return [];
      return [{ message: `${describeContainer(container)} runs as a Windows HostProcess container, directly on the node with access to its files, devices and network`, at: hostProcess.path }];
    }),
});
