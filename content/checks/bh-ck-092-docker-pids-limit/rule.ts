import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  docker: (container) => {
    const limit = container.pidsLimit.value;
    if (limit !== undefined && limit > 0) return [];
    // 0 and -1 mean "unlimited" to docker; a missing value means the same.
    const detail = limit === undefined ? 'no pids limit is set' : `the pids limit is ${limit}, which means unlimited`;
    return [{ message: `${detail}, so a fork bomb inside it can exhaust the host's process table`, at: limit === undefined ? container.path : container.pidsLimit.path }];
  },
});
