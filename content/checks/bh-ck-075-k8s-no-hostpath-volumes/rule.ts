import { defineRule } from '../../../src/rules/api.ts';
import { hostPathVolumes } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    object.pod ? hostPathVolumes(object.pod).map((volume) => ({ message: `volume "${volume.name}" mounts the node's ${volume.hostPath ?? '(no path)'} into the pod`, at: volume.path })) : [],
});
