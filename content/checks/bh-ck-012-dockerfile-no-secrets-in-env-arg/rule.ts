import { defineRule, hitAt, keyValues } from '../../../src/rules/api.ts';

/** The names the check's grep looks for: credentials by what they are called. */
const SECRET_NAME = /PASSWORD|PASSWD|SECRET|TOKEN|API_?KEY|PRIVATE_?KEY|ACCESS_?KEY/i;

export default defineRule({
  dockerfile: (dockerfile) =>
    dockerfile.instructions
      .filter((instruction) => instruction.keyword === 'ENV' || instruction.keyword === 'ARG')
      .flatMap((instruction) =>
        keyValues(instruction, dockerfile.escape)
          .filter(({ key }) => SECRET_NAME.test(key))
          .map(({ key }) =>
            hitAt(
              instruction,
              instruction.keyword === 'ENV'
                ? `ENV ${key} stores a credential in the image configuration, readable by anyone who can pull the image; inject it at run time instead`
                : `ARG ${key} passes a credential as a build argument, which the image history can record; use RUN --mount=type=secret instead`,
            ),
          ),
      ),
});
