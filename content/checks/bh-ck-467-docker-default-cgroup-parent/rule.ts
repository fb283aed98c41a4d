import { defineRule } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */

export default defineRule({
  daemon: (config) => {
    const parent = config.value['cgroup-parent'];
    return typeof parent === 'string' && parent.trim() !== '' ? [{ message: `cgroup-parent is ${parent}: containers run under a cgroup parent other than Docker's default; confirm its limits are intended`, at: ['cgroup-parent'] }] : [];
  },
  docker: (container) => {
    const parent = raw(container, container.origin === 'compose' ? ['cgroup_parent'] : ['HostConfig', 'CgroupParent']);
    return typeof parent.value === 'string' && parent.value.trim() !== '' ? [{ message: `runs under cgroup parent ${parent.value} instead of Docker's default; confirm its limits are intended`, at: parent.path }] : [];
  },
});
