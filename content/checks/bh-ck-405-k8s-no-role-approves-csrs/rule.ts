import { permissionRule } from '../bh-ck-400-k8s-no-role-reads-secrets/rbac-permission.ts';

export default permissionRule({
  operations: [
    { groups: ["certificates.k8s.io"], resources: ["certificatesigningrequests/approval"], verbs: ["update", "patch"] },
  ],
  consequence: "lets the holder approve client certificates, including one for a user or group with administrative rights",
});
