import { defineRule } from '../../../src/rules/api.ts';

const ROOT = /^(root|0)(:.*)?$/i;

export default defineRule({
  docker: (container) => {
    const user = container.user.value?.trim();
    if (user !== undefined && user !== '') return ROOT.test(user) ? [{ message: `runs as ${user}, which is root`, at: container.user.path }] : [];
    // Compose: no user means the image decides, which this file does not show.
    return container.origin === 'inspect' ? [{ message: 'runs as root: neither the image nor --user set a user', at: container.user.value === undefined ? container.path : container.user.path }] : [];
  },
});
