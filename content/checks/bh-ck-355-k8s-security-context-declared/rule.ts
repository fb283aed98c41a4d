import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer, isRecord, podField } from '../../../src/rules/kubernetes.ts';

function empty(value: unknown): boolean {
  return !isRecord(value) || Object.keys(value).length === 0;
}

export default defineRule({
  kubernetes: (object) => {
    if (!object.pod) return [];
    const podContext = podField(object.pod, 'securityContext');
    const podHits = empty(podContext.value) ? [{ message: 'the pod has no securityContext, so every pod-level setting (user, group, seccomp profile) is left to defaults', at: podContext.value === undefined ? object.pod.path : podContext.path }] : [];
    const containerHits = forEachContainer(object, (container) =>
      empty(container.value.securityContext)
        ? [{ message: `${describeContainer(container)} has no securityContext of its own, so it keeps default capabilities, privilege escalation and a writable root filesystem`, at: container.value.securityContext === undefined ? container.path : [...container.path, 'securityContext'] }]
        : [],
    );
    return [...podHits, ...containerHits];
  },
});
