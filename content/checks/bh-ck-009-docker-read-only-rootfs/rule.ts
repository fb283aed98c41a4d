import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  docker: (container) =>
    container.readOnly.value === true ? [] : [{ message: 'has a writable root filesystem (read-only is not set)', at: container.readOnly.value === undefined ? container.path : container.readOnly.path }],
});
