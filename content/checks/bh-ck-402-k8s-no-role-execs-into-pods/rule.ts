import { permissionRule } from '../bh-ck-400-k8s-no-role-reads-secrets/rbac-permission.ts';

export default permissionRule({
  operations: [
    { groups: [""], resources: ["pods/exec", "pods/attach", "pods/portforward"], verbs: ["create", "get"] },
  ],
  consequence: "opens a shell or a network tunnel into running containers, with their files, tokens and network access",
});
