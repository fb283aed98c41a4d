import { defineRule, type DockerContainer, type PathSegment } from '../../../src/rules/api.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */
function raw(container: DockerContainer, relative: PathSegment[]): { value: unknown; path: PathSegment[] } {
  let value: unknown = container.document.value;
  for (const segment of [...container.path, ...relative]) value = value !== null && typeof value === 'object' ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  return { value, path: [...container.path, ...relative] };
}

export default defineRule({
  docker: (container) => {
    const mode = raw(container, container.origin === 'compose' ? ['uts'] : ['HostConfig', 'UTSMode']);
    return typeof mode.value === 'string' && mode.value.trim().toLowerCase() === 'host' ? [{ message: "shares the host UTS namespace, so it sees and, with CAP_SYS_ADMIN, can change the host's hostname", at: mode.path }] : [];
  },
});
