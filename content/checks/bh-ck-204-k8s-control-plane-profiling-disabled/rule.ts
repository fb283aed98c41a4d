import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags, goBool } from '../../../src/rules/component-flags.ts';

const CONTROL_PLANE = ['kube-apiserver', 'kube-controller-manager', 'kube-scheduler'];

export default defineRule({
  kubernetes: (object) => {
    // kube-scheduler's own configuration file: enableProfiling defaults to true.
    if (object.kind === 'KubeSchedulerConfiguration') {
      return object.value.enableProfiling === false
        ? []
        : [{ message: `KubeSchedulerConfiguration ${'enableProfiling' in object.value ? `sets enableProfiling: ${JSON.stringify(object.value.enableProfiling)}` : 'does not set enableProfiling: false (the default is true)'}, so kube-scheduler serves /debug/pprof`, at: 'enableProfiling' in object.value ? [...object.path, 'enableProfiling'] : object.path }];
    }
    return componentFlags(object)
      .filter((component) => CONTROL_PLANE.includes(component.component))
      .flatMap((component): RuleHit[] => {
        const profiling = component.get('profiling');
        // kube-scheduler ignores --profiling when --config names a file: the file decides.
        const config = component.component === 'kube-scheduler' ? component.valued('config') : undefined;
        if (config) {
          return profiling && goBool(profiling.value) === false
            ? [{ message: `kube-scheduler ignores --profiling=${profiling.value} because --config is set; set enableProfiling: false in ${config.value}`, at: profiling.path }]
            : [];
        }
        if (profiling && goBool(profiling.value) === false) return [];
        return [{ message: `${component.component} ${profiling ? `sets --profiling=${profiling.value}` : 'does not set --profiling=false (the default is true)'}, so it serves /debug/pprof`, at: profiling?.path ?? component.commandPath }];
      });
  },
});
