import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  docker: (container) =>
    container.privileged.value === true ? [{ message: 'runs privileged: every capability, every device and no seccomp or LSM confinement', at: container.privileged.path }] : [],
});
