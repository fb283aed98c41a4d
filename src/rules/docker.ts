import type { DockerContainer } from '../artifacts/docker.ts';
import type { PathSegment } from '../artifacts/location.ts';

/**
 * A Compose or inspect field the reader does not expose (ports, limits, devices, restart
 * policy …), read from the container's own document, with the path where it is or would be
 * written. Own-property reads only, so a key named `__proto__` or `constructor` reads nothing.
 */
export function rawField(container: DockerContainer, relative: PathSegment[]): { value: unknown; path: PathSegment[] } {
  let value: unknown = container.document.value;
  for (const segment of [...container.path, ...relative]) value = value !== null && typeof value === 'object' && Object.hasOwn(value, segment) ? (value as Record<PathSegment, unknown>)[segment] : undefined;
  return { value, path: [...container.path, ...relative] };
}
