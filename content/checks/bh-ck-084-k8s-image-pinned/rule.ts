import { defineRule } from '../../../src/rules/api.ts';
import { isPinnedByDigest } from '../../../src/rules/images.ts';
import { describeContainer, forEachContainer } from '../../../src/rules/kubernetes.ts';

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) => {
      const image = Object.hasOwn(container.value, 'image') ? container.value.image : undefined;
      if (typeof image === 'string' && isPinnedByDigest(image)) return [];
      const shown = typeof image === 'string' ? image : '(no image)';
      return [{ message: `${describeContainer(container)} uses ${shown}, not pinned by digest (image@sha256:… or @sha512:…), so a moved tag changes what runs`, at: [...container.path, 'image'] }];
    }),
});
