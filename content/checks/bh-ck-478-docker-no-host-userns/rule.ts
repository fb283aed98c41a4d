import { defineRule } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */

export default defineRule({
  docker: (container) => {
    const mode = raw(container, container.origin === 'compose' ? ['userns_mode'] : ['HostConfig', 'UsernsMode']);
    return typeof mode.value === 'string' && mode.value.trim().toLowerCase() === 'host' ? [{ message: "uses the host user namespace, so root in it is root on the host even when the daemon remaps users", at: mode.path }] : [];
  },
});
