import { permissionRule } from '../bh-ck-400-k8s-no-role-reads-secrets/rbac-permission.ts';

export default permissionRule({
  operations: [
    { groups: ["rbac.authorization.k8s.io"], resources: ["roles", "clusterroles"], verbs: ["escalate", "bind"] },
    { groups: [""], resources: ["users", "groups", "serviceaccounts"], verbs: ["impersonate"] },
    { groups: ["authentication.k8s.io"], resources: ["uids"], verbs: ["impersonate"] },
  ],
  consequence: "lets the holder grant itself, or act with, rights it was never given",
});
