import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  docker: (container) =>
    (container.securityOpt.value ?? []).flatMap((option, index) =>
      /^seccomp[:=]unconfined$/i.test(option.trim()) ? [{ message: 'runs without a seccomp filter (seccomp=unconfined)', at: [...container.securityOpt.path, index] }] : [],
    ),
});
