import { defineRule } from '../../../src/rules/api.ts';
import { capabilityList, describeContainer, forEachContainer } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) =>
      capabilityList(container, 'drop').some((capability) => capability.name === 'ALL')
        ? []
        : [{ message: `${describeContainer(container)} does not drop ALL capabilities, so it keeps the runtime's default set`, at: [...container.path, 'securityContext', 'capabilities', 'drop'] }],
    ),
});
