import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

/** The spellings Go's strconv.ParseBool reads as true. */
const GO_TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((flags) => flags.component === 'kube-controller-manager')
      .flatMap((flags) => {
        const flag = flags.get('use-service-account-credentials');
        if (flag && GO_TRUE.has(flag.value)) return [];
        return [{ message: `kube-controller-manager ${flag ? `sets --use-service-account-credentials=${flag.value}` : 'does not set --use-service-account-credentials (default false)'}, so every controller acts with the controller manager's own credential`, at: flag?.path ?? flags.commandPath }];
      }),
});
