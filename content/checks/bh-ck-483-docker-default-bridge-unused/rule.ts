import { defineRule } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */

export default defineRule({
  docker: (container) => {
    const mode = raw(container, container.origin === 'compose' ? ['network_mode'] : ['HostConfig', 'NetworkMode']);
    const value = typeof mode.value === 'string' ? mode.value.trim() : undefined;
    const onDefault = container.origin === 'compose' ? value === 'bridge' : value === 'bridge' || value === 'default';
    return onDefault ? [{ message: 'is attached to the default bridge (docker0), where it can reach unrelated containers', at: mode.path }] : [];
  },
});
