import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags, goBool } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((flags) => flags.component === 'etcd')
      .flatMap((flags) => {
        const hits: RuleHit[] = [];
        for (const name of ['cert-file', 'key-file']) {
          const flag = flags.get(name);
          if (!flag || flag.value.trim() === '') hits.push({ message: `etcd runs without --${name}, so its client port serves plain HTTP unless another certificate is configured`, at: flag?.path ?? flags.commandPath });
        }
        const autoTls = flags.get('auto-tls');
        if (autoTls && goBool(autoTls.value) === true) hits.push({ message: 'etcd runs with --auto-tls=true: clients get a self-signed certificate they cannot verify', at: autoTls.path });
        return hits;
      }),
});
