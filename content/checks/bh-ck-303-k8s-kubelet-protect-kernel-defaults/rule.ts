import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

/** The spellings Go's strconv.ParseBool reads as false, as the kubelet's flag parser does. */
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'KubeletConfiguration') {
      if (object.value.protectKernelDefaults === true) return [];
      const set = 'protectKernelDefaults' in object.value;
      return [{ message: `protectKernelDefaults is ${set ? String(object.value.protectKernelDefaults) : 'not set (default false)'}, so the kubelet runs on a node whose kernel tunables differ from what it expects`, at: [...object.path, set ? 'protectKernelDefaults' : 'kind'] }];
    }
    return componentFlags(object).flatMap((component) => {
      const flag = component.component === 'kubelet' ? component.get('protect-kernel-defaults') : undefined;
      return flag && FALSE.has(flag.value.trim()) ? [{ message: '--protect-kernel-defaults=false lets the kubelet run with unexpected kernel tunables', at: flag.path }] : [];
    });
  },
});
