import { defineRule } from '../../../src/rules/api.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';

const ANONYMOUS = new Set(['system:anonymous', 'system:unauthenticated']);
/** The built-in binding that lets anyone read the cluster-info ConfigMap during TLS bootstrap. */
const BUILT_IN = 'system:public-info-viewer';

export default defineRule({
  kubernetes: (object) => {
    if ((object.kind !== 'RoleBinding' && object.kind !== 'ClusterRoleBinding') || object.name === BUILT_IN) return [];
    const roleRef = isRecord(object.value.roleRef) ? object.value.roleRef : {};
    const subjects = Array.isArray(object.value.subjects) ? object.value.subjects : [];
    return subjects.flatMap((subject: unknown, index) =>
      isRecord(subject) && typeof subject.name === 'string' && ANONYMOUS.has(subject.name)
        ? [{ message: `${object.kind} ${object.name} grants ${String(roleRef.kind)} ${String(roleRef.name)} to ${subject.name}, that is, to callers who present no credentials`, at: [...object.path, 'subjects', index, 'name'] }]
        : [],
    );
  },
});
