import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  docker: (container) =>
    container.networkMode.value === 'host' ? [{ message: "uses the host network namespace, so it can bind host ports and reach services listening on the host's loopback", at: container.networkMode.path }] : [],
});
