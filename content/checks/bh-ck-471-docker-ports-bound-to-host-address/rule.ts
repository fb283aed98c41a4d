import { defineRule, type DockerContainer, type PathSegment } from '../../../src/rules/api.ts';
import { rawField as raw } from '../../../src/rules/docker.ts';

interface Published { hostIp: string; hostPort: string; path: PathSegment[] }

/** Published ports: Compose short ("[ip:]host:container[/proto]") and long syntax; inspect bindings, requested and made. */
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
  // Requested bindings (HostConfig.PortBindings) and, for a running container, the bindings the
  // daemon made (NetworkSettings.Ports), which also hold the ports `docker run -P` published.
  const seen = new Set<string>();
  const found = [['HostConfig', 'PortBindings'], ['NetworkSettings', 'Ports']].flatMap((field): Published[] => {
    const bindings = raw(container, field);
    if (bindings.value === null || typeof bindings.value !== 'object') return [];
    return Object.entries(bindings.value as Record<string, unknown>).flatMap(([containerPort, list]) =>
      Array.isArray(list)
        ? list.flatMap((binding: unknown, index): Published[] => {
            const entry = (binding ?? {}) as { HostIp?: unknown; HostPort?: unknown };
            const port = { hostIp: typeof entry.HostIp === 'string' ? entry.HostIp : '', hostPort: typeof entry.HostPort === 'string' ? entry.HostPort : '', path: [...bindings.path, containerPort, index] };
            const key = `${containerPort}\u0000${port.hostIp}\u0000${port.hostPort}`;
            if (seen.has(key)) return [];
            seen.add(key);
            return [port];
          })
        : [],
    );
  });
  // -P on a container that is not running: no bindings yet, but every exposed port will be published.
  const publishAll = raw(container, ['HostConfig', 'PublishAllPorts']);
  if (found.length === 0 && publishAll.value === true) return [{ hostIp: '', hostPort: '', path: publishAll.path }];
  return found;
}

const ALL = new Set(['', '0.0.0.0', '::', '[::]']);

export default defineRule({
  docker: (container) =>
    published(container)
      .filter((port) => ALL.has(port.hostIp.trim()))
      .map((port) => ({ message: `publishes host port ${port.hostPort || '(random)'} on every host address${port.hostIp ? ` (${port.hostIp})` : ''}; bind it to a specific address`, at: port.path })),
});
