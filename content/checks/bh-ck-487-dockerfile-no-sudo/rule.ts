import { defineRule, hitAt } from '../../../src/rules/api.ts';

/**
 * The shell script of a RUN, or of the RUN an ONBUILD adds to every build that starts FROM this
 * image (which runs sudo in the child build, so sudo is in this image).
 */
function runScript(keyword: string, args: string): string | undefined {
  if (keyword === 'RUN') return args;
  if (keyword !== 'ONBUILD') return undefined;
  return /^RUN\s+([\s\S]*)$/i.exec(args.trim())?.[1];
}

/** The shell commands of a script, split at &&, ||, ; and | (enough to tell one command from the next). */
function commands(script: string): string[][] {
  return script.split(/&&|\|\||;|\|/).map((command) => command.trim().split(/\s+/).filter(Boolean));
}

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => {
        const script = runScript(instruction.keyword, instruction.args);
        return script !== undefined && (commands(script).some((words) => words[0] === 'sudo') || / sudo /.test(` ${script} `));
      })
      .map((instruction) => hitAt(instruction, `${instruction.keyword === 'ONBUILD' ? 'ONBUILD RUN' : 'RUN'} calls sudo; use USER root for the steps that need root and keep sudo out of the image`)),
});
