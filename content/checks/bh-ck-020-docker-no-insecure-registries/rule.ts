import { defineRule } from '../../../src/rules/api.ts';

/** dockerd already treats these as insecure; listing them adds nothing. */
const LOOPBACK = /^(127\.\d+\.\d+\.\d+(\/\d+)?|::1(\/128)?|\[::1\]|localhost)(:\d+)?$/i;

export default defineRule({
  daemon: (config) => {
    const registries = config.value['insecure-registries'];
    if (!Array.isArray(registries)) return [];
    return registries.flatMap((registry: unknown, index) =>
      typeof registry === 'string' && !LOOPBACK.test(registry.trim())
        ? [{ message: `insecure-registries lists ${registry}: images from it are pulled and pushed without TLS verification, so they can be read or replaced in transit`, at: ['insecure-registries', index] }]
        : [],
    );
  },
});
