import { parse } from 'yaml';
import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';

/** The host part of host:port, [v6]:port or a bare address. */
function host(address: string): string {
  const text = address.trim();
  if (text.startsWith('[')) return text.slice(1, text.indexOf(']'));
  const colons = text.split(':').length - 1;
  return colons === 1 ? (text.split(':')[0] ?? '') : text;
}
const isLoopback = (address: string) => {
  const name = host(address);
  return name.startsWith('127.') || name === '::1' || name === 'localhost';
};

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'ConfigMap' && object.name === 'kube-proxy' && object.namespace === 'kube-system') {
      const data = isRecord(object.value.data) ? object.value.data : {};
      const text = data['config.conf'];
      if (typeof text !== 'string') return [];
      let config: unknown;
      try {
        config = parse(text);
      } catch {
        return [];
      }
      const address = isRecord(config) ? config.metricsBindAddress : undefined;
      // Unset or empty keeps the default, 127.0.0.1:10249.
      if (typeof address !== 'string' || address.trim() === '' || isLoopback(address)) return [];
      return [{ message: `kube-proxy's metricsBindAddress is ${address}, so its unauthenticated metrics answer anyone who reaches the node`, at: [...object.path, 'data', 'config.conf'] }];
    }
    return componentFlags(object).flatMap((component) => {
      const flag = component.component === 'kube-proxy' ? component.get('metrics-bind-address') : undefined;
      return flag && flag.value.trim() !== '' && !isLoopback(flag.value) ? [{ message: `--metrics-bind-address=${flag.value} serves kube-proxy's unauthenticated metrics beyond localhost`, at: flag.path }] : [];
    });
  },
});
