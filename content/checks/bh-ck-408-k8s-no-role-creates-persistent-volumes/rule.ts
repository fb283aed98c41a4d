import { permissionRule } from '../bh-ck-400-k8s-no-role-reads-secrets/rbac-permission.ts';

export default permissionRule({
  operations: [
    { groups: [""], resources: ["persistentvolumes"], verbs: ["create"] },
  ],
  consequence: "lets the holder create a hostPath volume and mount a node's filesystem into a pod, outside the checks that apply to pod hostPath volumes",
});
