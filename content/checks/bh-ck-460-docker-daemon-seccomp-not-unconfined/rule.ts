import { defineRule } from '../../../src/rules/api.ts';

export default defineRule({
  daemon: (config) => {
    const profile = config.value['seccomp-profile'];
    return typeof profile === 'string' && profile.trim().toLowerCase() === 'unconfined'
      ? [{ message: 'seccomp-profile is unconfined: every container starts without a seccomp filter unless it brings its own', at: ['seccomp-profile'] }]
      : [];
  },
});
