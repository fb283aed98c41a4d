import { defineRule } from '../../../src/rules/api.ts';

const nonEmpty = (value: unknown) => typeof value === 'string' && value.trim() !== '';

export default defineRule({
  kubernetes: (object) => {
    if (object.kind !== 'KubeletConfiguration') return [];
    const { serverTLSBootstrap, tlsCertFile, tlsPrivateKeyFile } = object.value;
    if (serverTLSBootstrap === true || (nonEmpty(tlsCertFile) && nonEmpty(tlsPrivateKeyFile))) return [];
    const at = 'tlsCertFile' in object.value ? 'tlsCertFile' : 'serverTLSBootstrap' in object.value ? 'serverTLSBootstrap' : 'kind';
    return [{ message: 'neither serverTLSBootstrap: true nor both tlsCertFile and tlsPrivateKeyFile are set, so the kubelet serves a self-signed certificate that the API server cannot verify', at: [...object.path, at] }];
  },
});
