import { defineRule } from '../../../src/rules/api.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';

const PREFIX = 'nginx.ingress.kubernetes.io/';

export default defineRule({
  kubernetes: (object) => {
    if (object.kind !== 'Ingress') return [];
    const metadata = isRecord(object.value.metadata) ? object.value.metadata : {};
    const annotations = isRecord(metadata.annotations) ? metadata.annotations : {};
    return Object.keys(annotations)
      .filter((key) => key.startsWith(PREFIX) && key.endsWith('-snippet'))
      .map((key) => ({ message: `Ingress ${object.name} sets ${key}, which injects raw NGINX configuration into the shared ingress controller (CVE-2021-25742)`, at: [...object.path, 'metadata', 'annotations', key] }));
  },
});
