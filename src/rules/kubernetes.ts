import { posix } from 'node:path';
import type { ContainerView, KubeObject, PodView } from '../artifacts/kubernetes.ts';
import { isRecord } from '../artifacts/kubernetes.ts';
import type { PathSegment } from '../artifacts/location.ts';
import type { RuleHit } from './api.ts';

export { isRecord };

/** A securityContext field as Kubernetes applies it: the container's value wins over the pod's. */
export interface EffectiveSetting {
  value: unknown;
  /** Where the winning value is written, or the container's securityContext when neither sets it. */
  path: PathSegment[];
  /** False when neither the container nor the pod sets the field. */
  set: boolean;
}

function record(value: unknown): Record<string, unknown> {
  return isRecord(value) ? value : {};
}

/** An own field of a parsed mapping: `toString` or `constructor` as a field name finds nothing inherited. */
function own(value: Record<string, unknown>, field: string): unknown {
  return Object.hasOwn(value, field) ? value[field] : undefined;
}

export function effectiveSecurityContext(pod: PodView, container: ContainerView, field: string): EffectiveSetting {
  const containerContext = record(own(container.value, 'securityContext'));
  if (Object.hasOwn(containerContext, field)) return { value: containerContext[field], path: [...container.path, 'securityContext', field], set: true };
  const podContext = record(own(pod.spec, 'securityContext'));
  if (Object.hasOwn(podContext, field)) return { value: podContext[field], path: [...pod.path, 'securityContext', field], set: true };
  return { value: undefined, path: [...container.path, 'securityContext', field], set: false };
}

/**
 * One field of windowsOptions as the kubelet resolves it: unlike the other security-context
 * structs, windowsOptions is merged field by field (DetermineEffectiveSecurityContext), so a
 * container that sets only runAsUserName keeps the pod's hostProcess.
 */
export function effectiveWindowsOption(pod: PodView, container: ContainerView, field: string): EffectiveSetting {
  const containerOptions = record(own(record(own(container.value, 'securityContext')), 'windowsOptions'));
  if (Object.hasOwn(containerOptions, field) && containerOptions[field] !== null) return { value: containerOptions[field], path: [...container.path, 'securityContext', 'windowsOptions', field], set: true };
  const podOptions = record(own(record(own(pod.spec, 'securityContext')), 'windowsOptions'));
  if (Object.hasOwn(podOptions, field) && podOptions[field] !== null) return { value: podOptions[field], path: [...pod.path, 'securityContext', 'windowsOptions', field], set: true };
  return { value: undefined, path: [...container.path, 'securityContext', 'windowsOptions', field], set: false };
}

/** "init container" / "container" / "ephemeral container", for messages. */
export function describeContainer(container: ContainerView): string {
  const label = container.list === 'initContainers' ? 'init container' : container.list === 'ephemeralContainers' ? 'ephemeral container' : 'container';
  return `${label} "${container.name}"`;
}

/** Runs `test` on every container of a pod-running object; other objects yield nothing. */
export function forEachContainer(object: KubeObject, test: (container: ContainerView, pod: PodView) => RuleHit[]): RuleHit[] {
  const pod = object.pod;
  if (!pod) return [];
  return pod.containers.flatMap((container) => test(container, pod));
}

/** The pod spec field, with its path, for pod-level rules. */
export function podField(pod: PodView, ...path: string[]): { value: unknown; path: PathSegment[] } {
  let value: unknown = pod.spec;
  for (const segment of path) value = own(record(value), segment);
  return { value, path: [...pod.path, ...path] };
}

/** Host paths of the container runtimes' API sockets (and the directories holding them). */
export const ENGINE_SOCKETS = [
  '/var/run/docker.sock',
  '/run/docker.sock',
  '/var/run/containerd/containerd.sock',
  '/run/containerd/containerd.sock',
  '/var/run/crio/crio.sock',
  '/run/crio/crio.sock',
  '/var/run/podman/podman.sock',
  '/run/podman/podman.sock',
  '/var/run/cri-dockerd.sock',
  '/run/cri-dockerd.sock',
];

/**
 * A host path as the kernel resolves it, for comparisons: `//`, `/./`, `..` and a trailing slash
 * name the same file (`/var/run//docker.sock`, `/var/run/../run/docker.sock/`), so a check that
 * compares the text as written can be bypassed. Relative paths and volume names stay as written.
 */
export function normaliseHostPath(hostPath: string): string {
  const path = hostPath.trim();
  if (!path.startsWith('/')) return path;
  return posix.normalize(path).replace(/\/+$/, '') || '/';
}

/**
 * The file names of those sockets. A daemon can put its socket anywhere (`dockerd -H
 * unix:///srv/docker.sock`, a rootless engine under $XDG_RUNTIME_DIR, a snap), so a mount of any
 * file with one of these names is an engine socket too.
 */
const ENGINE_SOCKET_NAMES = new Set(ENGINE_SOCKETS.map((socket) => posix.basename(socket)));

/** True for a socket path above, a directory that contains one (e.g. /var/run, or / itself), or any file named like one (docker.sock, containerd.sock, …). */
export function isEngineSocketPath(hostPath: string): boolean {
  const path = normaliseHostPath(hostPath);
  if (path === '/') return true;
  if (path.startsWith('/') && ENGINE_SOCKET_NAMES.has(posix.basename(path))) return true;
  return ENGINE_SOCKETS.some((socket) => socket === path || socket.startsWith(`${path}/`));
}

/** The pod template's metadata (the object's own for a Pod), where per-pod annotations live. */
export function podMetadata(object: KubeObject): { value: Record<string, unknown>; path: PathSegment[] } | undefined {
  const pod = object.pod;
  if (!pod) return undefined;
  const relative = pod.path.slice(object.path.length, -1);
  let value: unknown = object.value;
  for (const segment of relative) value = isRecord(value) ? own(value, String(segment)) : undefined;
  const metadata = isRecord(value) ? own(value, 'metadata') : undefined;
  return { value: record(metadata), path: [...pod.path.slice(0, -1), 'metadata'] };
}

/** Kubernetes and Docker accept SYS_ADMIN, CAP_SYS_ADMIN and any case; compare in one spelling. */
export function capabilityName(name: string): string {
  return name.trim().toUpperCase().replace(/^CAP_/, '');
}

/** The container's securityContext.capabilities list (`add` or `drop`) with the path of each item. */
export function capabilityList(container: ContainerView, list: 'add' | 'drop'): { name: string; path: PathSegment[] }[] {
  const capabilities = own(record(own(record(own(container.value, 'securityContext')), 'capabilities')), list);
  if (!Array.isArray(capabilities)) return [];
  return capabilities.flatMap((item: unknown, index) =>
    typeof item === 'string' ? [{ name: capabilityName(item), path: [...container.path, 'securityContext', 'capabilities', list, index] }] : [],
  );
}

export interface HostPathVolume {
  name: string;
  /** The node path, or undefined when the volume gives none. */
  hostPath: string | undefined;
  /** Where the volume's hostPath is written. */
  path: PathSegment[];
}

/** The pod's hostPath volumes. */
export function hostPathVolumes(pod: PodView): HostPathVolume[] {
  const volumes = podField(pod, 'volumes');
  if (!Array.isArray(volumes.value)) return [];
  return volumes.value.flatMap((volume: unknown, index): HostPathVolume[] => {
    const hostPath = isRecord(volume) ? own(volume, 'hostPath') : undefined;
    if (!isRecord(volume) || !isRecord(hostPath)) return [];
    const name = own(volume, 'name');
    const path = own(hostPath, 'path');
    return [{ name: typeof name === 'string' ? name : `#${index}`, hostPath: typeof path === 'string' ? path : undefined, path: [...volumes.path, index, 'hostPath'] }];
  });
}

/**
 * A resource quantity that is zero (`0`, `"0"`, `"0Mi"`, `"0.0"`, `"0e3"`). The kubelet treats a
 * zero limit as no limit declared (ResourceConfigForPod checks `Limits.Memory().IsZero()`), so it
 * counts as missing.
 */
export function isZeroQuantity(value: unknown): boolean {
  if (typeof value === 'number') return value === 0;
  if (typeof value !== 'string') return false;
  const number = /^\s*\+?(\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?[a-zA-Z]*\s*$/.exec(value)?.[1];
  return number !== undefined && Number(number) === 0;
}

/** A container's resources.limits.<resource>, with where it is (or would be) written. */
export function resourceLimit(container: ContainerView, resource: 'cpu' | 'memory'): { value: unknown; path: PathSegment[] } {
  return { value: own(record(own(record(own(container.value, 'resources')), 'limits')), resource), path: [...container.path, 'resources', 'limits', resource] };
}
