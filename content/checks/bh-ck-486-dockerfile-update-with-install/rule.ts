import { defineRule, hitAt, type DockerfileInstruction } from '../../../src/rules/api.ts';

/** The shell commands of a RUN instruction, split at &&, ||, ; and | (enough to tell one command from the next). */
function commands(instruction: DockerfileInstruction): string[][] {
  return instruction.args.split(/&&|\|\||;|\|/).map((command) => command.trim().split(/\s+/).filter(Boolean));
}

const MANAGERS: Record<string, string> = { 'apt-get': 'apt', apt: 'apt', apk: 'apk', yum: 'yum', dnf: 'dnf', microdnf: 'dnf', zypper: 'zypper' };
const UPDATE = new Set(['update', 'up']);
const INSTALL = new Set(['install', 'upgrade', 'add', 'reinstall', 'source-install', 'groupinstall', 'localinstall', 'in', 'dist-upgrade', 'full-upgrade']);

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'RUN')
      .flatMap((instruction) => {
        const steps = commands(instruction).map((words) => {
          const index = words.findIndex((word) => word in MANAGERS);
          const manager = index === -1 ? undefined : MANAGERS[words[index] ?? ''];
          const verb = words.slice(index + 1).find((word) => !word.startsWith('-'));
          return { manager, verb };
        });
        return steps.flatMap((step, position) =>
          step.manager && step.verb && UPDATE.has(step.verb) && !steps.slice(position + 1).some((later) => later.manager === step.manager && later.verb !== undefined && INSTALL.has(later.verb))
            ? [hitAt(instruction, `the package index update is not followed by an install in the same RUN, so the cached layer keeps a stale index`)]
            : [],
        );
      }),
});
