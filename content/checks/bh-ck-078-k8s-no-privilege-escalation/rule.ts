import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer, isRecord } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) => {
      // allowPrivilegeEscalation exists only on containers; the pod securityContext has no such field.
      const context = isRecord(container.value.securityContext) ? container.value.securityContext : {};
      const value = context.allowPrivilegeEscalation;
      return value === false ? [] : [{ message: `${describeContainer(container)} ${value === true ? 'sets allowPrivilegeEscalation: true' : 'does not set allowPrivilegeEscalation: false'}, so setuid binaries can gain privileges`, at: [...container.path, 'securityContext', 'allowPrivilegeEscalation'] }];
    }),
});
