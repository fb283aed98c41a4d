import { defineRule, hitAt, type DockerfileInstruction } from '../../../src/rules/api.ts';

/** The shell commands of a RUN instruction, split at &&, ||, ; and | (enough to tell one command from the next). */
function commands(instruction: DockerfileInstruction): string[][] {
  return instruction.args.split(/&&|\|\||;|\|/).map((command) => command.trim().split(/\s+/).filter(Boolean));
}

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'RUN' && (commands(instruction).some((words) => words[0] === 'sudo') || / sudo /.test(` ${instruction.args} `)))
      .map((instruction) => hitAt(instruction, 'RUN calls sudo; use USER root for the steps that need root and keep sudo out of the image')),
});
