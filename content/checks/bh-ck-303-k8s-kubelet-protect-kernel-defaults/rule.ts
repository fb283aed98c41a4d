import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags, goBool } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'KubeletConfiguration') {
      if (object.value.protectKernelDefaults === true) return [];
      const set = 'protectKernelDefaults' in object.value;
      return [{ message: `protectKernelDefaults is ${set ? String(object.value.protectKernelDefaults) : 'not set (default false)'}, so the kubelet runs on a node whose kernel tunables differ from what it expects`, at: [...object.path, set ? 'protectKernelDefaults' : 'kind'] }];
    }
    return componentFlags(object).flatMap((component) => {
      const flag = component.component === 'kubelet' ? component.get('protect-kernel-defaults') : undefined;
      return flag && goBool(flag.value.trim()) === false ? [{ message: '--protect-kernel-defaults=false lets the kubelet run with unexpected kernel tunables', at: flag.path }] : [];
    });
  },
});
