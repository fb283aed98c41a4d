import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        const hits: RuleHit[] = [];
        for (const [name, minimum] of [['audit-log-maxage', 30], ['audit-log-maxbackup', 10], ['audit-log-maxsize', 100]] as const) {
          const flag = apiserver.get(name);
          const value = flag ? Number(flag.value) : Number.NaN;
          if (Number.isInteger(value) && value >= minimum) continue;
          hits.push({ message: flag ? `kube-apiserver sets --${name}=${flag.value}, below the ${minimum} the CIS Benchmark suggests` : `kube-apiserver does not set --${name} (the CIS Benchmark suggests ${minimum} or more)`, at: flag?.path ?? apiserver.commandPath });
        }
        return hits;
      }),
});
