import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags, listValue } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        const hits: RuleHit[] = [];
        for (const name of ['etcd-cafile', 'etcd-certfile', 'etcd-keyfile']) {
          if (!apiserver.valued(name)) hits.push({ message: `kube-apiserver does not set --${name}, so its connection to etcd is not mutually authenticated`, at: apiserver.commandPath });
        }
        const servers = apiserver.get('etcd-servers');
        for (const url of listValue(servers)) {
          if (!url.toLowerCase().startsWith('https://')) hits.push({ message: `kube-apiserver reaches etcd at ${url} without TLS`, at: servers?.path ?? apiserver.commandPath });
        }
        return hits;
      }),
});
