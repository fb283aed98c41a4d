import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  docker: (container) =>
    container.ipcMode.value === 'host' ? [{ message: 'shares the host IPC namespace, so host shared memory and message queues are reachable from it', at: container.ipcMode.path }] : [],
});
