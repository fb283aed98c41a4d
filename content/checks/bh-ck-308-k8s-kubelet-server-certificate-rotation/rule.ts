import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags, featureGate } from '../../../src/rules/component-flags.ts';
import { isRecord } from '../../../src/rules/kubernetes.ts';

const GATE = 'RotateKubeletServerCertificate';

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'KubeletConfiguration') {
      const gates = isRecord(object.value.featureGates) ? object.value.featureGates : {};
      return gates[GATE] === false || gates[GATE] === 'false'
        ? [{ message: `featureGates.${GATE} is false, so the kubelet cannot request or renew a CA-signed serving certificate`, at: [...object.path, 'featureGates', GATE] }]
        : [];
    }
    return componentFlags(object).flatMap((component) => {
      if (component.component !== 'kubelet' && component.component !== 'kube-controller-manager') return [];
      const flag = component.get('feature-gates');
      return flag && featureGate(flag, GATE) === false ? [{ message: `${component.component} runs with --feature-gates ${GATE}=false, which switches off kubelet serving-certificate rotation`, at: flag.path }] : [];
    });
  },
});
