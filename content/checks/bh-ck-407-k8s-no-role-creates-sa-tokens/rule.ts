import { permissionRule } from '../bh-ck-400-k8s-no-role-reads-secrets/rbac-permission.ts';

export default permissionRule({
  operations: [
    { groups: [""], resources: ["serviceaccounts/token"], verbs: ["create"] },
  ],
  consequence: "lets the holder issue tokens for existing service accounts and act with their rights",
});
