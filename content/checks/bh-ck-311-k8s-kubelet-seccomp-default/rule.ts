import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags, goBool } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'KubeletConfiguration') {
      if (object.value.seccompDefault === true) return [];
      const set = 'seccompDefault' in object.value;
      return [{ message: `seccompDefault is ${set ? String(object.value.seccompDefault) : 'not set (default false)'}, so pods that name no seccomp profile run Unconfined`, at: [...object.path, set ? 'seccompDefault' : 'kind'] }];
    }
    return componentFlags(object).flatMap((component) => {
      const flag = component.component === 'kubelet' ? component.get('seccomp-default') : undefined;
      return flag && goBool(flag.value.trim()) === false ? [{ message: '--seccomp-default=false leaves pods without a seccomp profile Unconfined', at: flag.path }] : [];
    });
  },
});
