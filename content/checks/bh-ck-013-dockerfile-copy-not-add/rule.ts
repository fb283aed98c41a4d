import { defineRule, hitAt } from '../../../src/rules/api.ts';

const REMOTE = /^(https?|git):\/\/|^git@/i;

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'ADD')
      .map((instruction) => {
        const sources = instruction.args.split(/\s+/).slice(0, -1);
        const remote = sources.find((source) => REMOTE.test(source));
        return hitAt(instruction, remote ? `ADD fetches ${remote} at build time; download it in a verified step or COPY it` : 'ADD is used; COPY does the same without URL fetching or archive unpacking');
      }),
});
