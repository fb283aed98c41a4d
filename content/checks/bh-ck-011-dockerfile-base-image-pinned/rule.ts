import { defineRule, hitAt, keyValues, type Dockerfile } from '../../../src/rules/api.ts';

const DIGEST = /@sha256:[0-9a-f]{64}$/i;

/** Global ARG defaults (declared before the first FROM), the only ones a FROM line can use. */
function globalArgs(dockerfile: Dockerfile): Map<string, string> {
  const args = new Map<string, string>();
  for (const instruction of dockerfile.instructions) {
    if (instruction.stage !== -1 || instruction.keyword !== 'ARG') continue;
    for (const { key, value } of keyValues(instruction)) if (value !== undefined) args.set(key, value);
  }
  return args;
}

export default defineRule({
  dockerfile: (dockerfile) => {
    const args = globalArgs(dockerfile);
    return dockerfile.stages.flatMap((stage) => {
      const image = stage.image.replace(/\$\{?(\w+)(?::-[^}]*)?\}?/g, (reference, name: string) => args.get(name) ?? reference);
      const earlierStage = dockerfile.stages.some((candidate) => candidate.index < stage.index && candidate.alias === image.toLowerCase());
      if (image.toLowerCase() === 'scratch' || earlierStage || DIGEST.test(image)) return [];
      const detail = image.includes('$') ? 'depends on a build argument without a pinned default' : /:latest$/i.test(image) ? 'uses the moving tag latest' : /^[^@]+:[^/]+$/.test(image) ? 'has a tag but no digest, and tags can be moved' : 'has neither tag nor digest, so it means latest';
      const shown = image === stage.image ? image : `${stage.image} (${image})`;
      return [hitAt(stage.from, `FROM ${shown} ${detail}; pin it as image:tag@sha256:<digest>`)];
    });
  },
});
