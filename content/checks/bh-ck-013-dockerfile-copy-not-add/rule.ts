import { defineRule, expandWith, hitAt, renderParts, variablesBefore, type Dockerfile, type DockerfileInstruction } from '../../../src/rules/api.ts';

const REMOTE = /^(https?|git):\/\/|^git@/i;

/** The exec form `ADD ["src", "dest"]`, or undefined for the shell form. */
function jsonWords(args: string): string[] | undefined {
  if (!args.trim().startsWith('[')) return undefined;
  try {
    const parsed: unknown = JSON.parse(args);
    return Array.isArray(parsed) && parsed.every((item) => typeof item === 'string') ? parsed : undefined;
  } catch {
    return undefined;
  }
}

/**
 * The sources of an ADD as BuildKit reads them: flags left out, and ARG and ENV values in scope
 * substituted, so `ARG TOOL_URL=https://…` then `ADD $TOOL_URL /opt/` is named as a download.
 */
function sources(dockerfile: Dockerfile, instruction: DockerfileInstruction): string[] {
  const flagless = instruction.args.replace(/^(\s*--\S+)+\s*/, '');
  const words = (jsonWords(flagless) ?? flagless.split(/\s+/).filter((word) => word !== '')).slice(0, -1);
  if (!words.some((word) => word.includes('$'))) return words;
  const variables = variablesBefore(dockerfile, instruction);
  return words.map((word) => {
    const expanded = expandWith(dockerfile, word, variables);
    return expanded.error ? word : renderParts(expanded.parts);
  });
}

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'ADD')
      .map((instruction) => {
        const remote = sources(dockerfile, instruction).find((source) => REMOTE.test(source));
        return hitAt(instruction, remote ? `ADD fetches ${remote} at build time; download it in a verified step or COPY it` : 'ADD is used; COPY does the same without URL fetching or archive unpacking');
      }),
});
