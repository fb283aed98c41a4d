import { defineRule } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */

export default defineRule({
  docker: (container) => {
    const mode = raw(container, container.origin === 'compose' ? ['uts'] : ['HostConfig', 'UTSMode']);
    return typeof mode.value === 'string' && mode.value.trim().toLowerCase() === 'host' ? [{ message: "shares the host UTS namespace, so it sees and, with CAP_SYS_ADMIN, can change the host's hostname", at: mode.path }] : [];
  },
});
