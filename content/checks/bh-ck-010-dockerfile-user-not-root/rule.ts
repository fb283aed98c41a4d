import { defineRule, hitAt, parentStage, resolveUser, type Dockerfile, type DockerfileInstruction, type DockerfileStage } from '../../../src/rules/api.ts';

/** The last USER of a stage, following `FROM <earlier stage>` because a stage inherits its parent's user. */
function lastUser(dockerfile: Dockerfile, stage: DockerfileStage): DockerfileInstruction | undefined {
  for (let current: DockerfileStage | undefined = stage; current; current = parentStage(dockerfile, current)) {
    const index = current.index;
    const own = dockerfile.instructions.filter((instruction) => instruction.stage === index && instruction.keyword === 'USER').at(-1);
    if (own) return own;
  }
  return undefined;
}

/** The names of variables as a reader would write them: `U` or `U and G`. */
function listed(names: readonly string[]): string {
  return names.length === 0 ? 'its variables' : names.join(' and ');
}

export default defineRule({
  dockerfile: (dockerfile) => {
    const final = dockerfile.stages.at(-1);
    if (!final) return [];
    const found = lastUser(dockerfile, final);
    if (!found) return [hitAt(final.from, `the final stage (FROM ${final.image}) sets no USER, so containers start as the base image's user, which is root unless the base image says otherwise`)];
    const user = resolveUser(dockerfile, found);
    if (!user.resolved) {
      // Conservative on purpose: a user the Dockerfile cannot show to be non-root is reported.
      return [hitAt(found, `the image's last USER is ${found.args}, and this Dockerfile gives ${listed(user.variables)} no value (an ARG without default, or a value left to --build-arg or the base image), so the user may be root; give it a non-root default (ARG ${user.variables[0] ?? 'USER'}=10001) or write the user literally`)];
    }
    if (!user.root) return [];
    const shown = user.user === found.args ? found.args : `${found.args} (${user.user === '' ? 'the empty user, which is root' : user.user})`;
    return [hitAt(found, `the image's last USER is ${shown}, so containers start as root`)];
  },
});
