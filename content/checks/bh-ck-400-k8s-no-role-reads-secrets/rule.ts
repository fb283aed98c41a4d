import { permissionRule } from './rbac-permission.ts';

export default permissionRule({
  operations: [
    { groups: [""], resources: ["secrets"], verbs: ["get", "list", "watch"] },
  ],
  consequence: "reveals the Secrets' contents, including service-account tokens and credentials of other workloads",
  ignoreNamedRules: true,
});
