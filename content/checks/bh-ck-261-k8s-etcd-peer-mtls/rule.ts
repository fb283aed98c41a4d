import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags, goBool } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((flags) => flags.component === 'etcd')
      .flatMap((flags) => {
        const hits: RuleHit[] = [];
        for (const name of ['peer-cert-file', 'peer-key-file']) {
          const flag = flags.get(name);
          if (!flag || flag.value.trim() === '') hits.push({ message: `etcd runs without --${name}, so replication between members is not encrypted with a real certificate`, at: flag?.path ?? flags.commandPath });
        }
        const clientAuth = flags.get('peer-client-cert-auth');
        if (!clientAuth || goBool(clientAuth.value) !== true)
          hits.push({ message: `etcd runs with ${clientAuth ? `--peer-client-cert-auth=${clientAuth.value}` : '--peer-client-cert-auth unset (default false)'}, so its peer port accepts members without a client certificate`, at: clientAuth?.path ?? flags.commandPath });
        const autoTls = flags.get('peer-auto-tls');
        if (autoTls && goBool(autoTls.value) === true) hits.push({ message: 'etcd runs with --peer-auto-tls=true: members use self-signed certificates that prove nothing about each other', at: autoTls.path });
        return hits;
      }),
});
