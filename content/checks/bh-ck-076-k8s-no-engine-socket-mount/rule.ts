import { defineRule } from '../../../src/rules/api.ts';
import { hostPathVolumes, isEngineSocketPath, normaliseHostPath } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    (object.pod ? hostPathVolumes(object.pod) : []).flatMap(({ hostPath, path }) => {
      if (hostPath === undefined || !isEngineSocketPath(hostPath)) return [];
      const what = /\.sock$/.test(normaliseHostPath(hostPath)) ? 'is a container engine API socket' : 'contains the container engine API sockets';
      return [{ message: `hostPath ${hostPath} ${what}; whoever reaches the engine API controls every container on the node`, at: [...path, 'path'] }];
    }),
});
