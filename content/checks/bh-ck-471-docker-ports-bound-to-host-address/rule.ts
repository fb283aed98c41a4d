import { defineRule, type DockerContainer, type PathSegment } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

/** A raw field of the Compose service or inspect object, for settings DockerContainer does not expose. */

interface Published { hostIp: string; hostPort: string; path: PathSegment[] }

/** Published ports: Compose short ("[ip:]host:container[/proto]") and long syntax, inspect HostConfig.PortBindings. */
function published(container: DockerContainer): Published[] {
  if (container.origin === 'compose') {
    const ports = raw(container, ['ports']);
    if (!Array.isArray(ports.value)) return [];
    return ports.value.flatMap((port: unknown, index): Published[] => {
      const path = [...ports.path, index];
      if (typeof port === 'number') return [];
      if (typeof port === 'string') {
        const spec = port.replace(/\/(tcp|udp|sctp)$/i, '');
        const ipv6 = /^\[([^\]]+)\]:(.*)$/.exec(spec);
        const parts = ipv6 ? [ipv6[1] ?? '', ...(ipv6[2] ?? '').split(':')] : spec.split(':');
        if (parts.length < 2) return [];
        return [{ hostIp: parts.length >= 3 ? (parts[0] ?? '') : '', hostPort: parts.at(-2) ?? '', path }];
      }
      if (port !== null && typeof port === 'object' && 'published' in port) {
        const long = port as { host_ip?: unknown; published?: unknown };
        return [{ hostIp: typeof long.host_ip === 'string' ? long.host_ip : '', hostPort: String(long.published ?? ''), path }];
      }
      return [];
    });
  }
  const bindings = raw(container, ['HostConfig', 'PortBindings']);
  if (bindings.value === null || typeof bindings.value !== 'object') return [];
  return Object.entries(bindings.value as Record<string, unknown>).flatMap(([containerPort, list]) =>
    Array.isArray(list)
      ? list.map((binding: unknown, index) => {
          const entry = (binding ?? {}) as { HostIp?: unknown; HostPort?: unknown };
          return { hostIp: typeof entry.HostIp === 'string' ? entry.HostIp : '', hostPort: typeof entry.HostPort === 'string' ? entry.HostPort : '', path: [...bindings.path, containerPort, index] };
        })
      : [],
  );
}

const ALL = new Set(['', '0.0.0.0', '::', '[::]']);

export default defineRule({
  docker: (container) =>
    published(container)
      .filter((port) => ALL.has(port.hostIp.trim()))
      .map((port) => ({ message: `publishes host port ${port.hostPort || '(random)'} on every host address${port.hostIp ? ` (${port.hostIp})` : ''}; bind it to a specific address`, at: port.path })),
});
