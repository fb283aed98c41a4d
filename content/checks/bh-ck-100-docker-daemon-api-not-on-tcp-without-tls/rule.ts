import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  daemon: (config) => {
    const hosts = config.value.hosts;
    if (!Array.isArray(hosts)) return [];
    // tlsverify is what makes dockerd demand client certificates; tls alone only encrypts.
    const verified = config.value.tlsverify === true;
    return hosts.flatMap((host: unknown, index) =>
      typeof host === 'string' && /^tcp:\/\//i.test(host.trim()) && !verified
        ? [{ message: `dockerd listens on ${host} without "tlsverify": true, so anyone who reaches the port gets root on the host through the API`, at: ['hosts', index] }]
        : [],
    );
  },
});
