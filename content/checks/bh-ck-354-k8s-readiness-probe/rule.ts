import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer } from '../../../src/rules/kubernetes.ts';

/** Run-to-completion kinds: a probe does not serve them. */
const BATCH = new Set(['Job', 'CronJob']);

export default defineRule({
  kubernetes: (object) => {
    if (BATCH.has(object.kind)) return [];
    return forEachContainer(object, (container) => {
      if (container.list !== 'containers') return [];
      const probe = container.value.readinessProbe;
      return probe === undefined || probe === null ? [{ message: `${describeContainer(container)} declares no readinessProbe, so it receives Service traffic even when it cannot serve it`, at: container.path }] : [];
    });
  },
});
