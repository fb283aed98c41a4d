import { defineRule } from '../../../src/rules/api.ts';
import { capabilityList, describeContainer, forEachContainer } from '../../../src/rules/kubernetes.ts';

/** The one capability the Restricted Pod Security Standard lets a container add. */
const ALLOWED = 'NET_BIND_SERVICE';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) =>
      capabilityList(container, 'add')
        .filter((capability) => capability.name !== ALLOWED)
        .map((capability) => ({ message: `${describeContainer(container)} adds capability ${capability.name}; the Restricted standard allows only NET_BIND_SERVICE`, at: capability.path })),
    ),
});
