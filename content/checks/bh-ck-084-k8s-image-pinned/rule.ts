import { defineRule } from '../../../src/rules/api.ts';
import { describeContainer, forEachContainer } from '../../../src/rules/kubernetes.ts';

const DIGEST = /@sha256:[0-9a-f]{64}$/;

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) => {
      const image = container.value.image;
      if (typeof image === 'string' && DIGEST.test(image)) return [];
      const shown = typeof image === 'string' ? image : '(no image)';
      return [{ message: `${describeContainer(container)} uses ${shown}, not pinned by @sha256 digest, so a moved tag changes what runs`, at: [...container.path, 'image'] }];
    }),
});
