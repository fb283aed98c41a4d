import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

/** The spellings Go's strconv.ParseBool reads as true. */
const GO_TRUE = new Set(['1', 't', 'T', 'true', 'TRUE', 'True']);

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
        if (!clientAuth || !GO_TRUE.has(clientAuth.value))
          hits.push({ message: `etcd runs with ${clientAuth ? `--peer-client-cert-auth=${clientAuth.value}` : '--peer-client-cert-auth unset (default false)'}, so its peer port accepts members without a client certificate`, at: clientAuth?.path ?? flags.commandPath });
        const autoTls = flags.get('peer-auto-tls');
        if (autoTls && GO_TRUE.has(autoTls.value)) hits.push({ message: 'etcd runs with --peer-auto-tls=true: members use self-signed certificates that prove nothing about each other', at: autoTls.path });
        return hits;
      }),
});
