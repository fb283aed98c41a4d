import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

/** The spellings Go's strconv.ParseBool reads as false, as the kubelet's flag parser does. */
const FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'KubeletConfiguration') {
      return object.value.makeIPTablesUtilChains === false
        ? [{ message: 'makeIPTablesUtilChains is false, so the kubelet leaves its iptables chains to other tooling', at: [...object.path, 'makeIPTablesUtilChains'] }]
        : [];
    }
    return componentFlags(object).flatMap((component) => {
      const flag = component.component === 'kubelet' ? component.get('make-iptables-util-chains') : undefined;
      return flag && FALSE.has(flag.value.trim()) ? [{ message: '--make-iptables-util-chains=false leaves the kubelet\'s iptables chains to other tooling', at: flag.path }] : [];
    });
  },
});
