import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((flags) => flags.component === 'kube-controller-manager')
      .flatMap((flags) => {
        const flag = flags.get('terminated-pod-gc-threshold');
        if (flag && /^\d+$/.test(flag.value) && Number(flag.value) > 0) return [];
        return [{ message: flag ? `kube-controller-manager sets --terminated-pod-gc-threshold=${flag.value}; 0 or less switches the terminated-pod collector off` : 'kube-controller-manager does not set --terminated-pod-gc-threshold, so up to 12500 finished pods pile up in etcd before any is deleted', at: flag?.path ?? flags.commandPath }];
      }),
});
