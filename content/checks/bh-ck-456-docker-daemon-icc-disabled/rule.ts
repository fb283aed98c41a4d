import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  daemon: (config) => {
    const value = config.value['icc'];
    if (value === false) return [];
    return value === undefined
      ? [{ message: "icc is not set, so it defaults to true: every container on the default bridge can reach every port of every other one", at: [] }]
      : [{ message: "icc is true: every container on the default bridge can reach every port of every other one", at: ['icc'] }];
  },
});
