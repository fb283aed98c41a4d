import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags, goBool } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((flags) => flags.component === 'kube-controller-manager')
      .flatMap((flags) => {
        const flag = flags.get('use-service-account-credentials');
        if (flag && goBool(flag.value) === true) return [];
        return [{ message: `kube-controller-manager ${flag ? `sets --use-service-account-credentials=${flag.value}` : 'does not set --use-service-account-credentials (default false)'}, so every controller acts with the controller manager's own credential`, at: flag?.path ?? flags.commandPath }];
      }),
});
