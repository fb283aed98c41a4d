import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags, featureGate } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((flags) => flags.component === 'kube-controller-manager')
      .flatMap((flags) => {
        const gates = flags.get('feature-gates');
        return gates && featureGate(gates, 'RotateKubeletServerCertificate') === false
          ? [{ message: 'kube-controller-manager switches off RotateKubeletServerCertificate, so kubelet serving certificates cannot be renewed through the API', at: gates.path }]
          : [];
      }),
});
