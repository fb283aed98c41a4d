import { defineRule } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */

export default defineRule({
  docker: (container) => {
    const devices = raw(container, container.origin === 'compose' ? ['devices'] : ['HostConfig', 'Devices']);
    if (!Array.isArray(devices.value)) return [];
    return devices.value.map((device: unknown, index) => {
      const name = typeof device === 'string' ? device.split(':')[0] : (device as { PathOnHost?: unknown; source?: unknown } | null)?.PathOnHost ?? (device as { source?: unknown } | null)?.source ?? 'a device';
      return { message: `has host device ${String(name)} passed in, which gives it direct access to that hardware`, at: [...devices.path, index] };
    });
  },
});
