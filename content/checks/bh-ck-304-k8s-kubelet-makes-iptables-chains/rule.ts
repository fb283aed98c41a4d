import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags, goBool } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'KubeletConfiguration') {
      return object.value.makeIPTablesUtilChains === false
        ? [{ message: 'makeIPTablesUtilChains is false, so the kubelet leaves its iptables chains to other tooling', at: [...object.path, 'makeIPTablesUtilChains'] }]
        : [];
    }
    return componentFlags(object).flatMap((component) => {
      const flag = component.component === 'kubelet' ? component.get('make-iptables-util-chains') : undefined;
      return flag && goBool(flag.value.trim()) === false ? [{ message: '--make-iptables-util-chains=false leaves the kubelet\'s iptables chains to other tooling', at: flag.path }] : [];
    });
  },
});
