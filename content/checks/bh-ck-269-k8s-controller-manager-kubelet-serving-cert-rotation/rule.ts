import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags, listValue } from '../../../src/rules/component-flags.ts';

/** The spellings Go's strconv.ParseBool reads as false. */
const GO_FALSE = new Set(['0', 'f', 'F', 'false', 'FALSE', 'False']);

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((flags) => flags.component === 'kube-controller-manager')
      .flatMap((flags) => {
        const gates = flags.get('feature-gates');
        const off = listValue(gates).some((gate) => {
          const [name, value] = gate.split('=').map((part) => part.trim());
          return name === 'RotateKubeletServerCertificate' && value !== undefined && GO_FALSE.has(value);
        });
        return off && gates ? [{ message: 'kube-controller-manager switches off RotateKubeletServerCertificate, so kubelet serving certificates cannot be renewed through the API', at: gates.path }] : [];
      }),
});
