import { defineRule, type DockerContainer, type PathSegment } from '../../../src/rules/api.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */
function raw(container: DockerContainer, relative: PathSegment[]): { value: unknown; path: PathSegment[] } {
  let value: unknown = container.document.value;
  for (const segment of [...container.path, ...relative]) value = value !== null && typeof value === 'object' ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  return { value, path: [...container.path, ...relative] };
}

export default defineRule({
  docker: (container) => {
    const mode = raw(container, container.origin === 'compose' ? ['userns_mode'] : ['HostConfig', 'UsernsMode']);
    return typeof mode.value === 'string' && mode.value.trim().toLowerCase() === 'host' ? [{ message: "uses the host user namespace, so root in it is root on the host even when the daemon remaps users", at: mode.path }] : [];
  },
});
