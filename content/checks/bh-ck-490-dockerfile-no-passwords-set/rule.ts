import { defineRule, hitAt } from '../../../src/rules/api.ts';

const SETS_PASSWORD = /(^|[\s;&|])chpasswd(\s|$)|passwd\s+--stdin|(usermod|useradd)[^&;|]*\s(-p|--password)\s/;

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'RUN' && (SETS_PASSWORD.test(instruction.args) || / chpasswd /.test(` ${instruction.args} `)))
      .map((instruction) => hitAt(instruction, 'RUN sets an account password, which stays readable in the image history and is the same in every container')),
});
