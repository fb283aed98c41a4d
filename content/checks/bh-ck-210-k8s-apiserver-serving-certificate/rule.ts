import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        const hits: RuleHit[] = [];
        for (const name of ['tls-cert-file', 'tls-private-key-file']) {
          if (!apiserver.valued(name)) hits.push({ message: `kube-apiserver does not set --${name}, so it serves a self-signed certificate clients cannot verify`, at: apiserver.commandPath });
        }
        return hits;
      }),
});
