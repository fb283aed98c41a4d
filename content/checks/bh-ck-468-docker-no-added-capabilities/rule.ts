import { defineRule } from '../../../src/rules/api.ts';

/** Docker's default capability set: adding one of these changes nothing. */
const DEFAULTS = new Set(['AUDIT_WRITE', 'CHOWN', 'DAC_OVERRIDE', 'FOWNER', 'FSETID', 'KILL', 'MKNOD', 'NET_BIND_SERVICE', 'NET_RAW', 'SETFCAP', 'SETGID', 'SETPCAP', 'SETUID', 'SYS_CHROOT']);

export default defineRule({
  docker: (container) =>
    (container.capAdd.value ?? []).flatMap((capability, index) => {
      const name = capability.trim().toUpperCase().replace(/^CAP_/, '');
      return DEFAULTS.has(name) ? [] : [{ message: `adds capability ${name}, beyond Docker's default set`, at: [...container.capAdd.path, index] }];
    }),
});
