import { defineRule } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */

const positive = (value: unknown) => (typeof value === 'number' && value > 0) || (typeof value === 'string' && /^[1-9]\d*(\.\d+)?\s*[bkmgt]?i?b?$/i.test(value.trim()));

export default defineRule({
  docker: (container) => {
    if (container.origin === 'compose') {
      const limit = raw(container, ['mem_limit']);
      const deploy = raw(container, ['deploy', 'resources', 'limits', 'memory']);
      return positive(limit.value) || positive(deploy.value) ? [] : [{ message: 'has no memory limit, so it can take all of the host\'s memory', at: limit.value === undefined ? container.path : limit.path }];
    }
    const memory = raw(container, ['HostConfig', 'Memory']);
    return positive(memory.value) ? [] : [{ message: 'has no memory limit (Memory is 0), so it can take all of the host\'s memory', at: memory.value === undefined ? container.path : memory.path }];
  },
});
