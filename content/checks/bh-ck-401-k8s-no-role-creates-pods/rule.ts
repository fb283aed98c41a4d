import { permissionRule } from '../bh-ck-400-k8s-no-role-reads-secrets/rbac-permission.ts';

export default permissionRule({
  operations: [
    { groups: [""], resources: ["pods"], verbs: ["create"] },
  ],
  consequence: "lets the holder run a pod with any ServiceAccount, Secret or ConfigMap of the namespace mounted",
});
