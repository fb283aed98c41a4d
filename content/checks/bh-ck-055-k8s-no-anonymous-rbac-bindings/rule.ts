import { defineRule } from '../../../src/rules/api.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';
import { isDefaultBinding, isKubeadmClusterInfoBinding } from '../../../src/rules/rbac-defaults.ts';

const ANONYMOUS = new Set(['system:anonymous', 'system:unauthenticated']);

export default defineRule({
  kubernetes: (object) => {
    if (object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding') return [];
    // system:public-info-viewer lets anyone read /version and the health endpoints by design;
    // it is left alone only while its role and subjects are the defaults, not for its name.
    // kubeadm's kube-public binding serves the cluster-info ConfigMap to joining nodes, likewise by design.
    if (isDefaultBinding(object) || isKubeadmClusterInfoBinding(object)) return [];
    const roleRef = isRecord(object.value.roleRef) ? object.value.roleRef : {};
    const subjects = Array.isArray(object.value.subjects) ? object.value.subjects : [];
    return subjects.flatMap((subject: unknown, index) =>
      isRecord(subject) && typeof subject.name === 'string' && ANONYMOUS.has(subject.name)
        ? [{ message: `${object.kind} ${object.name} grants ${String(roleRef.kind)} ${String(roleRef.name)} to ${subject.name}, that is, to callers who present no credentials`, at: [...object.path, 'subjects', index, 'name'] }]
        : [],
    );
  },
});
