import { permissionRule } from '../bh-ck-400-k8s-no-role-reads-secrets/rbac-permission.ts';

export default permissionRule({
  operations: [
    { groups: ["admissionregistration.k8s.io"], resources: ["validatingwebhookconfigurations", "mutatingwebhookconfigurations"], verbs: ["create", "update", "patch", "delete", "deletecollection"] },
  ],
  consequence: "lets the holder read or rewrite every object sent to the API server, or switch off the policies that guard it",
});
