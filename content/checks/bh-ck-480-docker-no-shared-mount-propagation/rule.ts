import { defineRule } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */

const SHARED = /^r?shared$/i;

export default defineRule({
  docker: (container) => {
    if (container.origin === 'inspect') {
      const mounts = raw(container, ['Mounts']);
      if (!Array.isArray(mounts.value)) return [];
      return mounts.value.flatMap((mount: unknown, index) => {
        const propagation = (mount as { Propagation?: unknown } | null)?.Propagation;
        return typeof propagation === 'string' && SHARED.test(propagation) ? [{ message: `mounts ${String((mount as { Source?: unknown }).Source)} with ${propagation} propagation, so mounts made inside appear on the host`, at: [...mounts.path, index, 'Propagation'] }] : [];
      });
    }
    const volumes = raw(container, ['volumes']);
    if (!Array.isArray(volumes.value)) return [];
    return volumes.value.flatMap((volume: unknown, index) => {
      const propagation = typeof volume === 'string' ? volume.split(':').slice(2).join(',').split(',').find((option) => SHARED.test(option)) : (volume as { bind?: { propagation?: unknown } } | null)?.bind?.propagation;
      return typeof propagation === 'string' && SHARED.test(propagation) ? [{ message: `mounts a volume with ${propagation} propagation, so mounts made inside appear on the host`, at: [...volumes.path, index] }] : [];
    });
  },
});
