import { permissionRule } from '../bh-ck-400-k8s-no-role-reads-secrets/rbac-permission.ts';

export default permissionRule({
  operations: [
    { groups: [""], resources: ["nodes/proxy"], verbs: ["get", "create", "update", "patch", "delete"] },
  ],
  consequence: "reaches the kubelet API of every node, including running commands in any pod, without passing admission control or API server audit of the pod",
});
