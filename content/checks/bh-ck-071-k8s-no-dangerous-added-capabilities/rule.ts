import { defineRule } from '../../../src/rules/api.ts';
import { capabilityList, describeContainer, forEachContainer } from '../../../src/rules/kubernetes.ts';

/**
 * The capabilities the check names: each one breaks an isolation boundary on its own.
 * MAC_ADMIN and MAC_OVERRIDE let a process load or bypass AppArmor and SELinux policy, undoing
 * the confinement the other checks rely on. Names are compared after capabilityName(), so
 * `cap_sys_admin` and `Sys_Admin` count, as the runtimes accept them.
 */
const DANGEROUS = new Set(['ALL', 'SYS_ADMIN', 'SYS_MODULE', 'SYS_PTRACE', 'SYS_RAWIO', 'SYS_BOOT', 'SYS_TIME', 'NET_ADMIN', 'NET_RAW', 'DAC_READ_SEARCH', 'DAC_OVERRIDE', 'BPF', 'PERFMON', 'MAC_ADMIN', 'MAC_OVERRIDE']);

export default defineRule({
  kubernetes: (object) =>
    forEachContainer(object, (container) =>
      capabilityList(container, 'add')
        .filter((capability) => DANGEROUS.has(capability.name))
        .map((capability) => ({ message: `${describeContainer(container)} adds capability ${capability.name}`, at: capability.path })),
    ),
});
