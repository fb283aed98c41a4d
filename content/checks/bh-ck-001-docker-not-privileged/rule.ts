import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  docker: (container) =>
    container.privileged.value === true ? [{ message: `${container.name} runs privileged`, at: container.privileged.path }] : [],
});
