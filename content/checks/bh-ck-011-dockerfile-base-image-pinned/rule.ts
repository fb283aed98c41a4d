import { defineRule, expandWith, globalArgs, hitAt, renderParts } from '../../../src/rules/api.ts';

/**
 * A digest as the reference grammar defines it (distribution/reference DigestRegexp):
 * algorithm, colon, at least 32 hex digits; sha256, sha512 and registered others alike.
 */
const DIGEST = /@[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*:[0-9a-fA-F]{32,}$/;

export default defineRule({
  dockerfile: (dockerfile) => {
    // A FROM line sees only the global ARGs (declared before the first FROM).
    const args = globalArgs(dockerfile);
    return dockerfile.stages.flatMap((stage) => {
      const image = renderParts(expandWith(dockerfile, stage.image, args).parts);
      const earlierStage = dockerfile.stages.some((candidate) => candidate.index < stage.index && candidate.alias === image.toLowerCase());
      if (image.toLowerCase() === 'scratch' || earlierStage || DIGEST.test(image)) return [];
      const detail = image.includes('$') ? 'depends on a build argument without a pinned default' : /:latest$/i.test(image) ? 'uses the moving tag latest' : /^[^@]+:[^/]+$/.test(image) ? 'has a tag but no digest, and tags can be moved' : 'has neither tag nor digest, so it means latest';
      const shown = image === stage.image ? image : `${stage.image} (${image})`;
      return [hitAt(stage.from, `FROM ${shown} ${detail}; pin it as image:tag@sha256:<digest>`)];
    });
  },
});
