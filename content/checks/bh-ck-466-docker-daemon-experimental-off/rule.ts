import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  daemon: (config) =>
    config.value.experimental === true ? [{ message: 'experimental is true: features that change without notice run on this daemon', at: ['experimental'] }] : [],
});
