import { defineRule } from '../../../src/rules/api.ts';
import { isRecord, podField } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) => {
    if (!object.pod) return [];
    const volumes = podField(object.pod, 'volumes');
    if (!Array.isArray(volumes.value)) return [];
    return volumes.value.flatMap((volume: unknown, index) => {
      if (!isRecord(volume) || !isRecord(volume.hostPath)) return [];
      const name = typeof volume.name === 'string' ? volume.name : `#${index}`;
      const path = typeof volume.hostPath.path === 'string' ? volume.hostPath.path : '(no path)';
      return [{ message: `volume "${name}" mounts the node's ${path} into the pod`, at: [...volumes.path, index, 'hostPath'] }];
    });
  },
});
