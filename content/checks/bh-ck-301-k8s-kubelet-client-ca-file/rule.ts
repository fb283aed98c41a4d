import { defineRule } from '../../../src/rules/api.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) => {
    if (object.kind !== 'KubeletConfiguration') return [];
    const authentication = isRecord(object.value.authentication) ? object.value.authentication : undefined;
    const x509 = authentication && isRecord(authentication.x509) ? authentication.x509 : undefined;
    const file = x509?.clientCAFile;
    if (typeof file === 'string' && file.trim() !== '') return [];
    const at = x509 ? ['authentication', 'x509'] : authentication ? ['authentication'] : ['kind'];
    return [{ message: 'authentication.x509.clientCAFile is not set, so the kubelet authenticates no client by certificate, not even the API server', at: [...object.path, ...at] }];
  },
});
