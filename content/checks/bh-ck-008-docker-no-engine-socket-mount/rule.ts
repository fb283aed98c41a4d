import { defineRule } from '../../../src/rules/api.ts';
import { isEngineSocketPath, normaliseHostPath } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  docker: (container) => {
    // docker inspect lists a bind both in Mounts and in HostConfig.Binds: report each bind once,
    // compared as the kernel resolves paths (`/var/run//docker.sock` is the same socket).
    const seen = new Set<string>();
    const bind = (source: string, target: string) => `${normaliseHostPath(source)}\u0000${normaliseHostPath(target)}`;
    return container.mounts
      .filter((mount) => isEngineSocketPath(mount.source) && !seen.has(bind(mount.source, mount.target)) && seen.add(bind(mount.source, mount.target)))
      .map((mount) => ({ message: `mounts ${mount.source} at ${mount.target || 'an unnamed target'}: whoever reaches the engine API controls the host`, at: mount.path }));
  },
});
