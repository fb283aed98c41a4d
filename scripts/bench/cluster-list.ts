/**
 * A synthetic `kubectl get all,configmaps,secrets,events -A -o json`: the shape kubectl writes
 * (4-space indentation, managedFields, status, last-applied annotations), about `targetBytes`
 * long, written to `file` a chunk at a time so the generator itself stays small in memory.
 */
import { closeSync, openSync, writeSync } from 'node:fs';

const INDENT = 4;

function managedFields(manager: string): unknown[] {
  return [
    { apiVersion: 'apps/v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:metadata': { 'f:labels': { '.': {}, 'f:app': {} } }, 'f:spec': { 'f:replicas': {}, 'f:template': { 'f:spec': { 'f:containers': {} } } } }, manager, operation: 'Update', time: '2026-11-30T10:00:00Z' },
    { apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:status': { 'f:conditions': {}, 'f:phase': {} } }, manager: 'kubelet', operation: 'Update', subresource: 'status', time: '2026-11-30T10:00:05Z' },
  ];
}

function podSpec(n: number): Record<string, unknown> {
  // One workload in ten is left unhardened, as in a real cluster: it has findings, the rest few.
  const loose = n % 10 === 0;
  return {
    automountServiceAccountToken: loose,
    hostNetwork: loose && n % 20 === 0,
    securityContext: { runAsNonRoot: !loose, seccompProfile: { type: 'RuntimeDefault' } },
    containers: [
      {
        name: `app-${n}`,
        image: loose ? `registry.example.com/app-${n}:latest` : `registry.example.com/app-${n}:1.${n % 10}.0@sha256:${'0'.repeat(63)}1`,
        ports: [{ containerPort: 8080, protocol: 'TCP' }],
        env: [{ name: 'MODE', value: String(n % 4) }, { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } }],
        resources: { limits: { cpu: '500m', memory: '256Mi' }, requests: { cpu: '100m', memory: '128Mi' } },
        securityContext: loose ? { privileged: n % 30 === 0, capabilities: { add: ['NET_ADMIN'] } } : { allowPrivilegeEscalation: false, readOnlyRootFilesystem: true, capabilities: { drop: ['ALL'] } },
        livenessProbe: { httpGet: { path: '/healthz', port: 8080 }, periodSeconds: 10 },
        readinessProbe: { httpGet: { path: '/ready', port: 8080 }, periodSeconds: 5 },
        terminationMessagePath: '/dev/termination-log',
        volumeMounts: [{ mountPath: '/var/run/secrets/kubernetes.io/serviceaccount', name: 'kube-api-access', readOnly: true }],
      },
    ],
    dnsPolicy: 'ClusterFirst',
    restartPolicy: 'Always',
    serviceAccountName: 'default',
    volumes: [{ name: 'kube-api-access', projected: { sources: [{ serviceAccountToken: { expirationSeconds: 3607, path: 'token' } }] } }],
  };
}

function metadata(kind: string, n: number): Record<string, unknown> {
  return {
    annotations: { 'kubectl.kubernetes.io/last-applied-configuration': JSON.stringify({ apiVersion: 'v1', kind, metadata: { name: `app-${n}`, namespace: `team-${n % 40}` } }) },
    creationTimestamp: '2026-11-30T10:00:00Z',
    labels: { app: `app-${n}`, 'app.kubernetes.io/part-of': 'bench' },
    managedFields: managedFields('kubectl-client-side-apply'),
    name: `app-${n}`,
    namespace: `team-${n % 40}`,
    resourceVersion: String(100000 + n),
    uid: `00000000-0000-0000-0000-${String(n).padStart(12, '0')}`,
  };
}

/** The n-th object: mostly Pods (as in a real dump), with their controllers, config and events. */
function item(n: number): Record<string, unknown> {
  switch (n % 8) {
    case 0:
      return { apiVersion: 'apps/v1', kind: 'Deployment', metadata: metadata('Deployment', n), spec: { replicas: 2, selector: { matchLabels: { app: `app-${n}` } }, template: { metadata: { labels: { app: `app-${n}` } }, spec: podSpec(n) } }, status: { availableReplicas: 2, readyReplicas: 2, replicas: 2 } };
    case 1:
      return { apiVersion: 'v1', kind: 'ConfigMap', metadata: metadata('ConfigMap', n), data: { 'config.yaml': `mode: ${n % 4}\n`.repeat(20) } };
    case 2:
      return { apiVersion: 'v1', kind: 'Event', metadata: metadata('Event', n), involvedObject: { kind: 'Pod', name: `app-${n}` }, reason: 'Pulled', message: 'Successfully pulled image', type: 'Normal', count: 1 };
    case 3:
      return { apiVersion: 'v1', kind: 'Service', metadata: metadata('Service', n), spec: { type: 'ClusterIP', selector: { app: `app-${n}` }, ports: [{ port: 80, targetPort: 8080, protocol: 'TCP' }] } };
    default:
      return { apiVersion: 'v1', kind: 'Pod', metadata: metadata('Pod', n), spec: podSpec(n), status: { phase: 'Running', podIP: `10.0.${n % 250}.${n % 200}`, conditions: [{ type: 'Ready', status: 'True' }] } };
  }
}

/** Writes the List to `file`; returns its size in bytes and the number of items. */
export function writeClusterList(file: string, targetBytes: number): { bytes: number; items: number } {
  const descriptor = openSync(file, 'w');
  let bytes = 0;
  const write = (text: string) => {
    bytes += writeSync(descriptor, text);
  };
  let items = 0;
  try {
    write('{\n    "apiVersion": "v1",\n    "items": [\n');
    while (bytes < targetBytes) {
      const body = JSON.stringify(item(items), null, INDENT).replace(/\n/g, `\n${' '.repeat(2 * INDENT)}`);
      write(`${items === 0 ? '' : ',\n'}${' '.repeat(2 * INDENT)}${body}`);
      items++;
    }
    write('\n    ],\n    "kind": "List",\n    "metadata": {\n        "resourceVersion": ""\n    }\n}\n');
  } finally {
    closeSync(descriptor);
  }
  return { bytes, items };
}
