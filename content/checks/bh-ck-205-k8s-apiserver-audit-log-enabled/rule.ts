import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        const hits: RuleHit[] = [];
        if (!apiserver.valued('audit-policy-file')) hits.push({ message: 'kube-apiserver has no --audit-policy-file, so it records no audit events', at: apiserver.commandPath });
        if (!apiserver.valued('audit-log-path')) hits.push({ message: 'kube-apiserver has no --audit-log-path, so audit events are not written to a log file', at: apiserver.commandPath });
        return hits;
      }),
});
