import { defineRule, type RuleHit } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer, isRecord } from '../../../src/rules/kubernetes.ts';

/** Names that say a value is a credential. */
const CREDENTIAL = /passw(or)?d|passphrase|secret|token|api[_-]?key|access[_-]?key|private[_-]?key|credential/i;

export default defineRule({
  kubernetes: (object) => {
    if (object.kind === 'ConfigMap') {
      const data = isRecord(object.value.data) ? object.value.data : {};
      return Object.entries(data)
        .filter(([key, value]) => CREDENTIAL.test(key) && typeof value === 'string' && value.length > 0)
        .map(([key]): RuleHit => ({ message: `ConfigMap ${object.name} holds ${key}, which looks like a credential; ConfigMaps are readable by the view role and not meant for secrets: use a Secret`, at: [...object.path, 'data', key] }));
    }
    return forEachContainer(object, (container) => {
      const env: unknown[] = Array.isArray(container.value.env) ? container.value.env : [];
      return env.flatMap((variable, index) =>
        isRecord(variable) && typeof variable.name === 'string' && CREDENTIAL.test(variable.name) && typeof variable.value === 'string' && variable.value.length > 0
          ? [{ message: `${describeContainer(container)} sets ${variable.name} to a literal value in the manifest; take it from a Secret mounted as a file`, at: [...container.path, 'env', index, 'value'] }]
          : [],
      );
    });
  },
});
