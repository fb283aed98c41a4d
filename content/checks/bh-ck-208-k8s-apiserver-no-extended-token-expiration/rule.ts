import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags, goBool } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        const extend = apiserver.get('service-account-extend-token-expiration');
        if (extend && goBool(extend.value) === false) return [];
        return [{ message: extend ? `kube-apiserver sets --service-account-extend-token-expiration=${extend.value}, so injected tokens can live up to a year` : 'kube-apiserver does not set --service-account-extend-token-expiration=false (the default is true), so injected tokens can live up to a year', at: extend?.path ?? apiserver.commandPath }];
      }),
});
