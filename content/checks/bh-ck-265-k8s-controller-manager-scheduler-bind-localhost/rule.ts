import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((flags) => flags.component === 'kube-controller-manager' || flags.component === 'kube-scheduler')
      .flatMap((flags) => {
        const bind = flags.get('bind-address');
        if (bind?.value === '127.0.0.1') return [];
        return [{ message: `${flags.component} ${bind ? `binds to ${bind.value || 'an empty address (all interfaces)'}` : 'has no --bind-address, so it listens on the default 0.0.0.0, every interface'}; set --bind-address=127.0.0.1`, at: bind?.path ?? flags.commandPath }];
      }),
});
