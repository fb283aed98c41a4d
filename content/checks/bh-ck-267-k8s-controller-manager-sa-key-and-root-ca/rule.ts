import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

const WHY: Record<string, string> = {
  'service-account-private-key-file': 'service-account tokens it creates are not signed with a key the API server is told to trust',
  'root-ca-file': 'pods are not given the CA that lets them verify the API server',
};

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((flags) => flags.component === 'kube-controller-manager')
      .flatMap((flags) => {
        const hits: RuleHit[] = [];
        for (const [name, why] of Object.entries(WHY)) {
          const flag = flags.get(name);
          if (!flag || flag.value.trim() === '' || flag.value === 'true') hits.push({ message: `kube-controller-manager runs without --${name}: ${why}`, at: flag?.path ?? flags.commandPath });
        }
        return hits;
      }),
});
