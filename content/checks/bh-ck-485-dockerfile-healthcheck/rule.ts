import { defineRule, hitAt, parentStage, type Dockerfile, type DockerfileInstruction } from '../../../src/rules/api.ts';

/** The HEALTHCHECK that applies to a stage: its own last one, or that of the earlier stage it is built FROM. */
function healthcheck(dockerfile: Dockerfile, index: number, depth = 0): DockerfileInstruction | undefined {
  const own = dockerfile.instructions.filter((instruction) => instruction.stage === index && instruction.keyword === 'HEALTHCHECK').at(-1);
  if (own) return own;
  const stage = dockerfile.stages[index];
  // parentStage expands the FROM image with the global ARGs, as BuildKit does: `FROM ${BASE}` finds the stage BASE names.
  const parent = stage && parentStage(dockerfile, stage);
  return parent && depth < dockerfile.stages.length ? healthcheck(dockerfile, parent.index, depth + 1) : undefined;
}

export default defineRule({
  dockerfile: (dockerfile) => {
    const final = dockerfile.stages.at(-1);
    if (!final) return [];
    const found = healthcheck(dockerfile, final.index);
    if (!found) return [hitAt(final.from, 'the final stage defines no HEALTHCHECK, so Docker cannot tell a broken container from a healthy one')];
    return /^NONE\b/i.test(found.args.trim()) ? [hitAt(found, 'HEALTHCHECK NONE switches off any health check the base image defines')] : [];
  },
});
