import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  daemon: (config) => {
    const value = config.value['userland-proxy'];
    if (value === false) return [];
    return value === undefined
      ? [{ message: "userland-proxy is not set, so it defaults to true: a docker-proxy process listens for every published port", at: [] }]
      : [{ message: "userland-proxy is true: a docker-proxy process listens for every published port", at: ['userland-proxy'] }];
  },
});
