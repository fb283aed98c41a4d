import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags, listValue } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        const enabled = apiserver.get('enable-admission-plugins');
        if (!listValue(enabled).includes('EventRateLimit')) return [{ message: 'kube-apiserver does not enable the EventRateLimit admission plugin', at: enabled?.path ?? apiserver.commandPath }];
        if (!apiserver.valued('admission-control-config-file')) return [{ message: 'kube-apiserver enables EventRateLimit without --admission-control-config-file, where its limits are set', at: enabled?.path ?? apiserver.commandPath }];
        return [];
      }),
});
