import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags, listValue } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        const enabled = apiserver.get('enable-admission-plugins');
        if (listValue(enabled).includes('AlwaysPullImages')) return [];
        return [{ message: 'kube-apiserver does not enable the AlwaysPullImages admission plugin, so pods can start from cached private images without credentials', at: enabled?.path ?? apiserver.commandPath }];
      }),
});
