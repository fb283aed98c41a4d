import { defineRule } from '../../../src/rules/api.ts';
import { componentFlags } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'KubeletConfiguration') {
      const qps = object.value.eventRecordQPS;
      return qps === 0 || qps === '0'
        ? [{ message: 'eventRecordQPS is 0, which removes the limit on how many events per second the kubelet creates', at: [...object.path, 'eventRecordQPS'] }]
        : [];
    }
    return componentFlags(object).flatMap((component) => {
      const flag = component.component === 'kubelet' ? component.get('event-qps') : undefined;
      return flag && Number(flag.value) === 0 ? [{ message: '--event-qps=0 removes the limit on how many events per second the kubelet creates', at: flag.path }] : [];
    });
  },
});
