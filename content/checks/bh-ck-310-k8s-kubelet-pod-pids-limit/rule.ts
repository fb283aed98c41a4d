import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'KubeletConfiguration') {
      const limit = Number(object.value.podPidsLimit);
      if ('podPidsLimit' in object.value && Number.isFinite(limit) && limit > 0) return [];
      return [{ message: `podPidsLimit is ${'podPidsLimit' in object.value ? String(object.value.podPidsLimit) : 'not set (default -1, unlimited)'}, so one pod can exhaust the node's process IDs`, at: [...object.path, 'podPidsLimit' in object.value ? 'podPidsLimit' : 'kind'] }];
    }
    return componentFlags(object).flatMap((component) => {
      const flag = component.component === 'kubelet' ? component.get('pod-max-pids') : undefined;
      return flag && !(Number(flag.value) > 0) ? [{ message: `--pod-max-pids=${flag.value} sets no limit on process IDs per pod`, at: flag.path }] : [];
    });
  },
});
