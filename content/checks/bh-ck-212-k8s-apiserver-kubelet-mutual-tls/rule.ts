import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        const hits: RuleHit[] = [];
        for (const name of ['kubelet-client-certificate', 'kubelet-client-key']) {
          if (!apiserver.valued(name)) hits.push({ message: `kube-apiserver does not set --${name}, so kubelets cannot authenticate it by certificate`, at: apiserver.commandPath });
        }
        if (!apiserver.valued('kubelet-certificate-authority')) hits.push({ message: 'kube-apiserver does not set --kubelet-certificate-authority, so it does not verify kubelet serving certificates', at: apiserver.commandPath });
        return hits;
      }),
});
