import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

/** The spellings Go's strconv.ParseBool reads as false, as the kubelet's flag parser does. */
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'KubeletConfiguration') {
      if (object.value.seccompDefault === true) return [];
      const set = 'seccompDefault' in object.value;
      return [{ message: `seccompDefault is ${set ? String(object.value.seccompDefault) : 'not set (default false)'}, so pods that name no seccomp profile run Unconfined`, at: [...object.path, set ? 'seccompDefault' : 'kind'] }];
    }
    return componentFlags(object).flatMap((component) => {
      const flag = component.component === 'kubelet' ? component.get('seccomp-default') : undefined;
      return flag && FALSE.has(flag.value.trim()) ? [{ message: '--seccomp-default=false leaves pods without a seccomp profile Unconfined', at: flag.path }] : [];
    });
  },
});
