import { defineRule } from '../../../src/rules/api.ts';
import { isEngineSocketPath } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  docker: (container) => {
    // docker inspect lists a bind both in Mounts and in HostConfig.Binds: report each host path once.
    const seen = new Set<string>();
    return container.mounts
      .filter((mount) => isEngineSocketPath(mount.source) && !seen.has(mount.source) && seen.add(mount.source))
      .map((mount) => ({ message: `mounts ${mount.source} at ${mount.target || 'an unnamed target'}: whoever reaches the engine API controls the host`, at: mount.path }));
  },
});
