import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags, listValue } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        const STRONG = [
          'TLS_AES_128_GCM_SHA256', 'TLS_AES_256_GCM_SHA384', 'TLS_CHACHA20_POLY1305_SHA256',
          'TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384', 'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305',
          'TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256', 'TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256', 'TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384',
          'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305', 'TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256',
        ];
        const suites = apiserver.valued('tls-cipher-suites');
        if (!suites) return [{ message: "kube-apiserver does not set --tls-cipher-suites, so it accepts Go's default TLS 1.2 suites, including ones without forward secrecy", at: apiserver.commandPath }];
        const weak = listValue(suites).filter((suite) => !STRONG.includes(suite));
        return weak.length > 0 ? [{ message: `kube-apiserver allows cipher suites outside the CIS set: ${weak.join(', ')}`, at: suites.path }] : [];
      }),
});
