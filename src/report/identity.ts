/**
 * What a finding points at, normalised so that different tools' names for one object meet:
 * bulkhead says "Deployment shop/web", Kubescape "apps/v1/shop/Deployment/web", Checkov
 * "Deployment.shop.web", Trivy "… of Deployment 'web'". A Kubernetes object without a namespace
 * is in "default", as kubectl applies it, so a manifest without one matches Kubescape's "default".
 */

export interface ObjectRef {
  /** As a reader sees it: "Deployment shop/web", "service web", "final stage". */
  display: string;
  /** Equal for the same object whatever the tool; "" means the file as a whole. */
  key: string;
}

/** The same text as artifacts/kubernetes.ts describeObject(), so scanner rows read like bulkhead's. */
export function kubernetesObject(kind: string, namespace: string | undefined, name: string): ObjectRef {
  const ns = namespace || undefined;
  return { display: ns ? `${kind} ${ns}/${name}` : `${kind}/${name}`, key: `k8s:${kind.toLowerCase()}:${ns ?? 'default'}:${name}` };
}

/** A bulkhead finding's object: Kubernetes objects parsed back from describeObject()'s text. */
export function bulkheadObject(object: string, artifactKind: string): ObjectRef {
  if (artifactKind === 'kubernetes') {
    const namespaced = /^(\S+) ([^/\s]+)\/(.+)$/.exec(object);
    if (namespaced) return kubernetesObject(namespaced[1] ?? '', namespaced[2], namespaced[3] ?? '');
    const plain = /^([^/\s]+)\/(.+)$/.exec(object);
    if (plain) return kubernetesObject(plain[1] ?? '', undefined, plain[2] ?? '');
  }
  // A Dockerfile's stages and daemon.json are named differently by every tool (Trivy names none):
  // their findings meet at the file. Compose services and inspected containers keep their name.
  if (artifactKind === 'dockerfile' || artifactKind === 'docker-daemon') return { display: object, key: '' };
  return { display: object, key: `obj:${object}` };
}

/** Trivy's message names the workload: "Container 'web' of Deployment 'web' should …". */
export function objectFromTrivyMessage(message: string | undefined): ObjectRef | undefined {
  const match = message ? /\bof (\w+) '([^']+)'/.exec(message) : null;
  return match ? kubernetesObject(match[1] ?? '', undefined, match[2] ?? '') : undefined;
}

/** Kubescape's resourceID: "apps/v1/<namespace>/<Kind>/<name>" (group may be empty for core kinds). */
export function objectFromKubescapeId(resourceId: string | undefined): ObjectRef | undefined {
  if (!resourceId) return undefined;
  const parts = resourceId.split('/');
  if (parts.length < 3) return { display: resourceId, key: `obj:${resourceId}` };
  const [namespace, kind, name] = parts.slice(-3);
  return kubernetesObject(kind ?? '', namespace, name ?? '');
}

/** Checkov's Kubernetes resource: "<Kind>.<namespace>.<name>"; other resources are kept as named. */
export function objectFromCheckovResource(resource: string | undefined): ObjectRef | undefined {
  if (!resource) return undefined;
  const match = /^([A-Z][A-Za-z]+)\.([^.]+)\.(.+)$/.exec(resource);
  // Anything else (a Dockerfile's "/Dockerfile.") names the file: its findings meet at the file.
  return match ? kubernetesObject(match[1] ?? '', match[2], match[3] ?? '') : undefined;
}

/** Paths as tools print them ("/k8s/deploy.yaml", "./k8s/deploy.yaml", "k8s\\deploy.yaml") compared as one. */
export function normaliseFile(file: string | undefined): string | undefined {
  if (!file) return undefined;
  let path = file.replaceAll('\\', '/');
  if (path.startsWith('file://')) path = path.slice('file://'.length);
  return path.replace(/^(\.\/)+/, '').replace(/^\/+/, '');
}
