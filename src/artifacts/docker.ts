import { interpolateDocument } from './compose-interpolation.ts';
import { fieldAt, isRecord } from './kubernetes.ts';
import type { PathSegment } from './location.ts';
import type { YamlDocument } from './yaml-stream.ts';

/** A value read from the file and the path where it is (or would be) written. */
export interface Field<T> {
  value: T | undefined;
  path: PathSegment[];
}

export interface DockerMount {
  source: string;
  target: string;
  path: PathSegment[];
}

/**
 * A container's run-time configuration, the same shape whether it comes from a Compose service
 * or from `docker inspect` / `podman inspect`, so one rule covers both.
 */
export interface DockerContainer {
  origin: 'compose' | 'inspect';
  name: string;
  path: PathSegment[];
  document: YamlDocument;
  image: Field<string>;
  privileged: Field<boolean>;
  pidMode: Field<string>;
  networkMode: Field<string>;
  ipcMode: Field<string>;
  readOnly: Field<boolean>;
  securityOpt: Field<string[]>;
  pidsLimit: Field<number>;
  capAdd: Field<string[]>;
  user: Field<string>;
  mounts: DockerMount[];
}

const get = fieldAt;

function field<T>(root: unknown, base: PathSegment[], relative: PathSegment[], read: (value: unknown) => T | undefined): Field<T> {
  return { value: read(get(root, relative)), path: [...base, ...relative] };
}

const asString = (value: unknown) => (typeof value === 'string' ? value : typeof value === 'number' ? String(value) : undefined);
const asBoolean = (value: unknown) => (typeof value === 'boolean' ? value : value === 'true' ? true : value === 'false' ? false : undefined);
const asNumber = (value: unknown) => (typeof value === 'number' ? value : typeof value === 'string' && /^-?\d+$/.test(value) ? Number(value) : undefined);
const asStrings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined);

/**
 * compose-go casts a boolean field's string (after interpolation) with toBoolean: true/false in
 * any case, and the YAML 1.1 words y/yes/on and n/no/off (it warns, but accepts them).
 */
const COMPOSE_TRUE = new Set(['true', 'y', 'yes', 'on']);
const COMPOSE_FALSE = new Set(['false', 'n', 'no', 'off']);
function composeBoolean(value: unknown): boolean | undefined {
  if (typeof value === 'boolean') return value;
  if (typeof value !== 'string') return undefined;
  const word = value.trim().toLowerCase();
  return COMPOSE_TRUE.has(word) ? true : COMPOSE_FALSE.has(word) ? false : undefined;
}

/** Compose volumes: the short "src:dst[:mode]" form and the long {type, source, target} form. */
function composeMounts(service: Record<string, unknown>, base: PathSegment[]): DockerMount[] {
  const volumes = service.volumes;
  if (!Array.isArray(volumes)) return [];
  return volumes.flatMap((volume: unknown, index): DockerMount[] => {
    const path = [...base, 'volumes', index];
    if (typeof volume === 'string') {
      const [source = '', target = ''] = volume.split(':');
      return target ? [{ source, target, path }] : [];
    }
    if (isRecord(volume) && typeof get(volume, ['source']) === 'string') return [{ source: String(volume.source), target: asString(get(volume, ['target'])) ?? '', path }];
    return [];
  });
}

/** Looks like a Compose file: a top-level `services` mapping. */
export function looksLikeCompose(value: unknown): boolean {
  return isRecord(value) && isRecord(value.services);
}

/**
 * The services of a Compose file as compose-go reads it: variables interpolated (every variable
 * unset, so `${PRIV:-true}` reads as true), boolean fields cast with its toBoolean.
 */
export function composeContainers(document: YamlDocument): DockerContainer[] {
  interpolateDocument(document.value);
  const services = get(document.value, ['services']);
  if (!isRecord(services)) return [];
  return Object.entries(services).flatMap(([name, service]): DockerContainer[] => {
    if (!isRecord(service)) return [];
    const base: PathSegment[] = ['services', name];
    const limitsPids = field(service, base, ['deploy', 'resources', 'limits', 'pids'], asNumber);
    const pidsLimit = field(service, base, ['pids_limit'], asNumber);
    return [{
      origin: 'compose',
      name,
      path: base,
      document,
      image: field(service, base, ['image'], asString),
      privileged: field(service, base, ['privileged'], composeBoolean),
      pidMode: field(service, base, ['pid'], asString),
      networkMode: field(service, base, ['network_mode'], asString),
      ipcMode: field(service, base, ['ipc'], asString),
      readOnly: field(service, base, ['read_only'], composeBoolean),
      securityOpt: field(service, base, ['security_opt'], asStrings),
      pidsLimit: pidsLimit.value === undefined && limitsPids.value !== undefined ? limitsPids : pidsLimit,
      capAdd: field(service, base, ['cap_add'], asStrings),
      user: field(service, base, ['user'], asString),
      mounts: composeMounts(service, base),
    }];
  });
}

/** Looks like `docker inspect` / `podman inspect` output: an array of objects with HostConfig. */
export function looksLikeInspect(value: unknown): boolean {
  return Array.isArray(value) && value.length > 0 && value.every((item) => isRecord(item) && isRecord(item.HostConfig));
}

export function inspectContainers(document: YamlDocument): DockerContainer[] {
  if (!Array.isArray(document.value)) return [];
  return document.value.flatMap((container: unknown, index): DockerContainer[] => {
    if (!isRecord(container)) return [];
    const base: PathSegment[] = [index];
    const binds = asStrings(get(container, ['HostConfig', 'Binds'])) ?? [];
    const mounts = Array.isArray(container.Mounts) ? container.Mounts : [];
    return [{
      origin: 'inspect',
      name: (asString(container.Name) ?? asString(container.Id) ?? `#${index}`).replace(/^\//, ''),
      path: base,
      document,
      image: field(container, base, ['Config', 'Image'], asString),
      privileged: field(container, base, ['HostConfig', 'Privileged'], asBoolean),
      pidMode: field(container, base, ['HostConfig', 'PidMode'], asString),
      networkMode: field(container, base, ['HostConfig', 'NetworkMode'], asString),
      ipcMode: field(container, base, ['HostConfig', 'IpcMode'], asString),
      readOnly: field(container, base, ['HostConfig', 'ReadonlyRootfs'], asBoolean),
      securityOpt: field(container, base, ['HostConfig', 'SecurityOpt'], asStrings),
      pidsLimit: field(container, base, ['HostConfig', 'PidsLimit'], asNumber),
      capAdd: field(container, base, ['HostConfig', 'CapAdd'], asStrings),
      user: field(container, base, ['Config', 'User'], asString),
      mounts: [
        ...mounts.flatMap((mount: unknown, mountIndex): DockerMount[] =>
          isRecord(mount) && typeof mount.Source === 'string' ? [{ source: mount.Source, target: asString(mount.Destination) ?? '', path: [...base, 'Mounts', mountIndex] }] : [],
        ),
        ...binds.map((bind, bindIndex) => {
          const [source = '', target = ''] = bind.split(':');
          return { source, target, path: [...base, 'HostConfig', 'Binds', bindIndex] };
        }),
      ],
    }];
  });
}

/** dockerd's /etc/docker/daemon.json. */
export interface DaemonConfig {
  value: Record<string, unknown>;
  document: YamlDocument;
}

const DAEMON_KEYS = ['hosts', 'tls', 'tlsverify', 'userns-remap', 'insecure-registries', 'registry-mirrors', 'live-restore', 'icc', 'log-driver', 'storage-driver', 'data-root', 'no-new-privileges', 'default-ulimits', 'userland-proxy', 'experimental', 'features'];

export function looksLikeDaemonConfig(value: unknown): boolean {
  return isRecord(value) && !Object.hasOwn(value, 'kind') && !Object.hasOwn(value, 'services') && Object.keys(value).some((key) => DAEMON_KEYS.includes(key));
}
