import { defineRule, type DockerContainer, type PathSegment } from '../../../src/rules/api.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */
function raw(container: DockerContainer, relative: PathSegment[]): { value: unknown; path: PathSegment[] } {
  let value: unknown = container.document.value;
  for (const segment of [...container.path, ...relative]) value = value !== null && typeof value === 'object' ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  return { value, path: [...container.path, ...relative] };
}

export default defineRule({
  docker: (container) => {
    const mode = raw(container, container.origin === 'compose' ? ['network_mode'] : ['HostConfig', 'NetworkMode']);
    const value = typeof mode.value === 'string' ? mode.value.trim() : undefined;
    const onDefault = container.origin === 'compose' ? value === 'bridge' : value === 'bridge' || value === 'default';
    return onDefault ? [{ message: 'is attached to the default bridge (docker0), where it can reach unrelated containers', at: mode.path }] : [];
  },
});
