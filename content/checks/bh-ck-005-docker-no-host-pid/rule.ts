import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  docker: (container) =>
    container.pidMode.value === 'host' ? [{ message: 'shares the host PID namespace, so it sees and can signal every host process', at: container.pidMode.path }] : [],
});
