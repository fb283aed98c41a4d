import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { componentFlags, listValue } from '../../../src/rules/component-flags.ts';

export default defineRule({
  kubernetes: (object) =>
    componentFlags(object)
      .filter((component) => component.component === 'kube-apiserver')
      .flatMap((apiserver): RuleHit[] => {
        const hits: RuleHit[] = [];
        const enabled = apiserver.get('enable-admission-plugins');
        if (enabled && listValue(enabled).includes('AlwaysAdmit')) hits.push({ message: 'kube-apiserver enables the AlwaysAdmit admission plugin, which admits every request unchecked', at: enabled.path });
        const disabled = apiserver.get('disable-admission-plugins');
        for (const plugin of ['ServiceAccount', 'NamespaceLifecycle']) {
          if (disabled && listValue(disabled).includes(plugin)) hits.push({ message: `kube-apiserver disables the ${plugin} admission plugin, which is on by default`, at: disabled.path });
        }
        return hits;
      }),
});
