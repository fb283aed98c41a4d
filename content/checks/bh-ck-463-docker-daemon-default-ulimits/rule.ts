import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  daemon: (config) => {
    const ulimits = config.value['default-ulimits'];
    if (ulimits !== null && typeof ulimits === 'object' && Object.keys(ulimits).length > 0) return [];
    return [{ message: 'no default-ulimits: containers inherit the daemon\'s own limits on open files and processes', at: ulimits === undefined ? [] : ['default-ulimits'] }];
  },
});
