import { defineRule } from '../../../src/rules/api.ts';

/** `no-new-privileges`, `no-new-privileges:true` and `no-new-privileges=true` all switch it on. */
const ENABLED = /^no-new-privileges(?:[:=]true)?$/i;

export default defineRule({
  docker: (container) =>
    (container.securityOpt.value ?? []).some((option) => ENABLED.test(option.trim()))
      ? []
      : [{ message: 'lacks the no-new-privileges security option, so setuid binaries and file capabilities can raise its privileges', at: container.securityOpt.value === undefined ? container.path : container.securityOpt.path }],
});
