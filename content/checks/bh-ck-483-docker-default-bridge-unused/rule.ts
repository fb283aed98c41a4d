import { defineRule } from '../../../src/rules/api.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

export default defineRule({
  docker: (container) => {
    const mode = raw(container, container.origin === 'compose' ? ['network_mode'] : ['HostConfig', 'NetworkMode']);
    const value = typeof mode.value === 'string' ? mode.value.trim() : undefined;
    const onDefault = container.origin === 'compose' ? value === 'bridge' : value === 'bridge' || value === 'default';
    if (onDefault) return [{ message: 'is attached to the default bridge (docker0), where it can reach unrelated containers', at: mode.path }];
    // `docker network connect bridge <container>` adds the default bridge after the start; inspect
    // lists it among the container's networks while NetworkMode still names the first one.
    if (container.origin === 'compose') return [];
    const networks = raw(container, ['NetworkSettings', 'Networks']);
    return isRecord(networks.value) && Object.hasOwn(networks.value, 'bridge')
      ? [{ message: 'is connected to the default bridge (docker0) as well as its own network, where it can reach unrelated containers', at: [...networks.path, 'bridge'] }]
      : [];
  },
});
