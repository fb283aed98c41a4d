import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

const CONTROL_PLANE = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];
/** Values Go's strconv.ParseBool reads as false. */
const FALSE = ['0', 'f', 'F', 'false', 'FALSE', 'False'];

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => CONTROL_PLANE.includes(component.component))
      .flatMap((component): RuleHit[] => {
        const profiling = component.get('profiling');
        if (profiling && FALSE.includes(profiling.value)) return [];
        return [{ message: `${component.component} ${profiling ? `sets --profiling=${profiling.value}` : 'does not set --profiling=false (the default is true)'}, so it serves /debug/pprof`, at: profiling?.path ?? component.commandPath }];
      }),
});
