import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  daemon: (config) => {
    const value = config.value['no-new-privileges'];
    if (value === true) return [];
    return value === undefined
      ? [{ message: "no-new-privileges is not set: containers can gain privileges through setuid binaries unless each one opts in", at: [] }]
      : [{ message: "no-new-privileges is false: containers can gain privileges through setuid binaries unless each one opts in", at: ['no-new-privileges'] }];
  },
});
