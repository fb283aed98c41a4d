import { defineRule } from '../../../src/rules/api.ts';
import { isEngineSocketPath, isRecord, podField } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) => {
    if (!object.pod) return [];
    const volumes = podField(object.pod, 'volumes');
    if (!Array.isArray(volumes.value)) return [];
    return volumes.value.flatMap((volume: unknown, index) => {
      if (!isRecord(volume) || !isRecord(volume.hostPath) || typeof volume.hostPath.path !== 'string') return [];
      const path = volume.hostPath.path;
      if (!isEngineSocketPath(path)) return [];
      const what = /\.sock$/.test(path) ? 'is a container engine API socket' : 'contains the container engine API sockets';
      return [{ message: `hostPath ${path} ${what}; whoever reaches the engine API controls every container on the node`, at: [...volumes.path, index, 'hostPath', 'path'] }];
    });
  },
});
