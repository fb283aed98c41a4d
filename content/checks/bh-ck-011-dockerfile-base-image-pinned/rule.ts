import { defineRule, expandWith, globalArgs, hitAt, renderParts } from '../../../src/rules/api.ts';
import { isPinnedByDigest } from '../../../src/rules/images.ts';

export default defineRule({
  dockerfile: (dockerfile) => {
    // A FROM line sees only the global ARGs (declared before the first FROM).
    const args = globalArgs(dockerfile);
    return dockerfile.stages.flatMap((stage) => {
      const image = renderParts(expandWith(dockerfile, stage.image, args).parts);
      const earlierStage = dockerfile.stages.some((candidate) => candidate.index < stage.index && candidate.alias === image.toLowerCase());
      if (image.toLowerCase() === 'scratch' || earlierStage || isPinnedByDigest(image)) return [];
      const detail = image.includes('$') ? 'depends on a build argument without a pinned default' : /:latest$/i.test(image) ? 'uses the moving tag latest' : /^[^@]+:[^/]+$/.test(image) ? 'has a tag but no digest, and tags can be moved' : 'has neither tag nor digest, so it means latest';
      const shown = image === stage.image ? image : `${stage.image} (${image})`;
      return [hitAt(stage.from, `FROM ${shown} ${detail}; pin it as image:tag@sha256:<digest>`)];
    });
  },
});
