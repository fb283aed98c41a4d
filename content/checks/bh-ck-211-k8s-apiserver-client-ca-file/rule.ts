import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        if (apiserver.valued('client-ca-file')) return [];
        return [{ message: 'kube-apiserver does not set --client-ca-file, so it cannot authenticate components by client certificate', at: apiserver.commandPath }];
      }),
});
