import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  kubernetes: (object) => {
    if (object.kind !== 'Service') return [];
    const spec = object.value.spec;
    const ips = spec !== null && typeof spec === 'object' && Array.isArray((spec as Record<string, unknown>).externalIPs) ? ((spec as Record<string, unknown>).externalIPs as unknown[]) : [];
    return ips.length === 0 ? [] : [{ message: `Service ${object.name} sets externalIPs ${ips.map(String).join(', ')}: kube-proxy sends traffic for those addresses to its pods, whoever owns them (CVE-2020-8554)`, at: [...object.path, 'spec', 'externalIPs'] }];
  },
});
