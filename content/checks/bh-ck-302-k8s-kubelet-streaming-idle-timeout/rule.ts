import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

/** A Go duration that is zero: "0", "0s", "0m0s", "0h0m0s" (or the number 0). */
const isZero = (value: unknown) => value === 0 || (typeof value === 'string' && /^(0+(\.0*)?(ns|us|µs|ms|s|m|h)?)+$/.test(value.trim()));

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'KubeletConfiguration') {
      return isZero(object.value.streamingConnectionIdleTimeout)
        ? [{ message: 'streamingConnectionIdleTimeout is 0, so idle exec, attach and port-forward streams are never closed', at: [...object.path, 'streamingConnectionIdleTimeout'] }]
        : [];
    }
    return componentFlags(object).flatMap((component) => {
      const flag = component.component === 'kubelet' ? component.get('streaming-connection-idle-timeout') : undefined;
      return flag && isZero(flag.value) ? [{ message: '--streaming-connection-idle-timeout is 0, so idle streams are never closed', at: flag.path }] : [];
    });
  },
});
