import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, effectiveSecurityContext, forEachContainer, isRecord, podMetadata } from '../../../src/rules/kubernetes.ts';

/** Before Kubernetes 1.30 the profile was set per container with this annotation on the pod. */
const ANNOTATION = 'container.apparmor.security.beta.kubernetes.io/';

export default defineRule({
  kubernetes: (object) => {
    const metadata = podMetadata(object);
    const annotations = metadata && isRecord(metadata.value.annotations) ? metadata.value.annotations : {};
    return forEachContainer(object, (container, pod) => {
      const profile = effectiveSecurityContext(pod, container, 'appArmorProfile');
      const type = isRecord(profile.value) ? profile.value.type : undefined;
      if (type === 'Unconfined') return [{ message: `${describeContainer(container)} runs with AppArmor profile type Unconfined`, at: [...profile.path, 'type'] }];
      const legacy = annotations[`${ANNOTATION}${container.name}`];
      if (legacy === 'unconfined' && metadata) return [{ message: `${describeContainer(container)} is made unconfined by the ${ANNOTATION}${container.name} annotation`, at: [...metadata.path, 'annotations', `${ANNOTATION}${container.name}`] }];
      return [];
    });
  },
});
