import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer, isRecord } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) => {
      const env = Array.isArray(container.value.env) ? container.value.env : [];
      const envFrom = Array.isArray(container.value.envFrom) ? container.value.envFrom : [];
      const fromKeys = env.flatMap((variable: unknown, index) => {
        const reference = isRecord(variable) && isRecord(variable.valueFrom) && isRecord(variable.valueFrom.secretKeyRef) ? variable.valueFrom.secretKeyRef : undefined;
        if (!reference || !isRecord(variable)) return [];
        return [{ message: `${describeContainer(container)} reads secret "${String(reference.name)}" into environment variable ${String(variable.name)}, which child processes inherit and error handlers often dump; mount it as a file`, at: [...container.path, 'env', index, 'valueFrom', 'secretKeyRef'] }];
      });
      const fromRefs = envFrom.flatMap((source: unknown, index) =>
        isRecord(source) && isRecord(source.secretRef)
          ? [{ message: `${describeContainer(container)} loads every key of secret "${String(source.secretRef.name)}" as environment variables; mount it as a file`, at: [...container.path, 'envFrom', index, 'secretRef'] }]
          : [],
      );
      return [...fromKeys, ...fromRefs];
    }),
});
