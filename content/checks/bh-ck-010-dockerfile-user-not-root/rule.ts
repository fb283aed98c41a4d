import { defineRule, hitAt, type Dockerfile, type DockerfileStage } from '../../../src/rules/api.ts';

/** root or UID 0, with or without a group. */
const ROOT = /^(root|0)(:.*)?$/i;

/** The last USER of a stage, following `FROM <earlier stage>` because a stage inherits its parent's user. */
function lastUser(dockerfile: Dockerfile, stage: DockerfileStage, depth = 0): { user: string; instruction: Dockerfile['instructions'][number] } | undefined {
  const own = dockerfile.instructions.filter((instruction) => instruction.stage === stage.index && instruction.keyword === 'USER').at(-1);
  if (own) return { user: own.args.trim(), instruction: own };
  const parent = dockerfile.stages.find((candidate) => candidate.index < stage.index && candidate.alias === stage.image.toLowerCase());
  return parent && depth < dockerfile.stages.length ? lastUser(dockerfile, parent, depth + 1) : undefined;
}

export default defineRule({
  dockerfile: (dockerfile) => {
    const final = dockerfile.stages.at(-1);
    if (!final) return [];
    const found = lastUser(dockerfile, final);
    if (!found) return [hitAt(final.from, `the final stage (FROM ${final.image}) sets no USER, so containers start as the base image's user, which is root unless the base image says otherwise`)];
    return ROOT.test(found.user) ? [hitAt(found.instruction, `the image's last USER is ${found.user}, so containers start as root`)] : [];
  },
});
