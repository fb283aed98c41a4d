import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((flags) => flags.component === 'kube-apiserver')
      .flatMap((flags): RuleHit[] => {
        const port = flags.get('insecure-port');
        const bind = flags.get('insecure-bind-address');
        if (port && port.value !== '0') return [{ message: `kube-apiserver serves plain HTTP on --insecure-port=${port.value}, where requests skip authentication and authorization`, at: port.path }];
        if (bind && !port) return [{ message: `kube-apiserver sets --insecure-bind-address=${bind.value} without --insecure-port=0, so versions before 1.20 serve the unauthenticated port 8080 on that address`, at: bind.path }];
        return [];
      }),
});
