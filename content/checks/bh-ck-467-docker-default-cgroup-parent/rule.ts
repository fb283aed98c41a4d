import { defineRule, type DockerContainer, type PathSegment } from '../../../src/rules/api.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */
function raw(container: DockerContainer, relative: PathSegment[]): { value: unknown; path: PathSegment[] } {
  let value: unknown = container.document.value;
  for (const segment of [...container.path, ...relative]) value = value !== null && typeof value === 'object' ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  return { value, path: [...container.path, ...relative] };
}

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
