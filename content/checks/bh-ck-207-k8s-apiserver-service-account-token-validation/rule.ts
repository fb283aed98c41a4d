import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags, goBool } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        const hits: RuleHit[] = [];
        if (!apiserver.valued('service-account-key-file')) hits.push({ message: 'kube-apiserver does not set --service-account-key-file, so service-account tokens are verified with its TLS serving key', at: apiserver.commandPath });
        const lookup = apiserver.get('service-account-lookup');
        if (lookup && goBool(lookup.value) === false) hits.push({ message: 'kube-apiserver sets --service-account-lookup=false, so tokens of deleted service accounts stay valid', at: lookup.path });
        return hits;
      }),
});
