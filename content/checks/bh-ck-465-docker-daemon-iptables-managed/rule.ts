import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  daemon: (config) => {
    const value = config.value['iptables'];
    return value !== false
      ? []
      : [{ message: "iptables is false: dockerd writes no isolation or NAT rules, so inter-container isolation depends on rules maintained by hand", at: ['iptables'] }];
  },
});
