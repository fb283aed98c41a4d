import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer } from '../../../src/rules/kubernetes.ts';

/** Run-to-completion kinds: a probe does not serve them. */
const BATCH = new Set(['Job', 'CronJob']);

export default defineRule({
  kubernetes: (object) => {
    if (BATCH.has(object.kind)) return [];
    return forEachContainer(object, (container) => {
      if (container.list !== 'containers') return [];
      const probe = container.value.livenessProbe;
      return probe === undefined || probe === null ? [{ message: `${describeContainer(container)} declares no livenessProbe, so the kubelet never restarts it when it hangs`, at: container.path }] : [];
    });
  },
});
