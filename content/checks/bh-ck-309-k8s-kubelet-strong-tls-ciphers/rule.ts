import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags, listValue } from '../../../src/rules/component-flags.ts';

/** The TLS 1.2 suites CIS Kubernetes Benchmark 1.12 (4.2.12) accepts: ECDHE with AES-GCM or ChaCha20-Poly1305. */
const STRONG = new Set([
  'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256',
  'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
  'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305',
  'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384',
]);

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'KubeletConfiguration') {
      const suites = object.value.tlsCipherSuites;
      if (!Array.isArray(suites) || suites.length === 0) {
        return [{ message: 'tlsCipherSuites is not set, so the kubelet accepts every TLS 1.2 suite Go enables by default, including ones without AES-GCM or ChaCha20', at: [...object.path, 'tlsCipherSuites' in object.value ? 'tlsCipherSuites' : 'kind'] }];
      }
      return suites.flatMap((suite: unknown, index) =>
        typeof suite === 'string' && STRONG.has(suite.trim()) ? [] : [{ message: `tlsCipherSuites allows ${String(suite)}, which is not one of the strong suites`, at: [...object.path, 'tlsCipherSuites', index] }],
      );
    }
    return componentFlags(object).flatMap((component) => {
      const flag = component.component === 'kubelet' ? component.get('tls-cipher-suites') : undefined;
      const weak = listValue(flag).filter((suite) => !STRONG.has(suite));
      return flag && weak.length > 0 ? [{ message: `--tls-cipher-suites allows ${weak.join(', ')}`, at: flag.path }] : [];
    });
  },
});
