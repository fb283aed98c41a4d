import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  daemon: (config) => {
    const value = config.value['live-restore'];
    if (value === true) return [];
    return value === undefined
      ? [{ message: "live-restore is not set: stopping or upgrading dockerd stops every container, which makes patching the daemon costly", at: [] }]
      : [{ message: "live-restore is false: stopping or upgrading dockerd stops every container, which makes patching the daemon costly", at: ['live-restore'] }];
  },
});
