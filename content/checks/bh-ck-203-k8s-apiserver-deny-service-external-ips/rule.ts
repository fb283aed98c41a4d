import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags, listValue } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        const enabled = apiserver.get('enable-admission-plugins');
        if (listValue(enabled).includes('DenyServiceExternalIPs')) return [];
        return [{ message: 'kube-apiserver does not enable the DenyServiceExternalIPs admission plugin, so any Service author can claim external IPs and intercept their traffic', at: enabled?.path ?? apiserver.commandPath }];
      }),
});
