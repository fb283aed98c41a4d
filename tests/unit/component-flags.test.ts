import { describe, expect, it } from 'vitest';
import { readArtifact } from '../../src/artifacts/artifact.ts';
import { componentFlags, expandReferences, featureGate } from '../../src/rules/component-flags.ts';

function apiserver(command: string[], args: string[] = []) {
  const yaml = `apiVersion: v1
kind: Pod
metadata: {name: kube-apiserver, namespace: kube-system}
spec:
  containers:
    - name: kube-apiserver
      image: registry.k8s.io/kube-apiserver:v1.34.0
      command: ${JSON.stringify(command)}
      args: ${JSON.stringify(args)}
`;
  const result = readArtifact('kube-apiserver.yaml', yaml);
  if (result.status !== 'read' || result.artifact.kind !== 'kubernetes') throw new Error('not read as Kubernetes');
  const [flags] = [...result.artifact.objects].flatMap((object) => componentFlags(object));
  if (!flags) throw new Error('no component found');
  return flags;
}

describe('componentFlags reads flags the way the binaries parse them', () => {
  it('finds the binary by its path and reads flags from command and args', () => {
    const flags = apiserver(['/usr/local/bin/kube-apiserver', '--anonymous-auth=false'], ['--profiling', 'false', '--secure-port=6443']);
    expect(flags.component).toBe('kube-apiserver');
    expect(flags.get('anonymous-auth')?.value).toBe('false');
    expect(flags.get('profiling')?.value).toBe('false');
    expect(flags.get('secure-port')?.path).toEqual(['spec', 'containers', 0, 'args', 2]);
  });

  it('keeps the last value of an ordinary flag, as Go does', () => {
    expect(apiserver(['kube-apiserver', '--anonymous-auth=false', '--anonymous-auth=true']).get('anonymous-auth')?.value).toBe('true');
  });

  it('adds up repeated list flags, as pflag string slices do', () => {
    const flags = apiserver(['kube-apiserver', '--enable-admission-plugins=NodeRestriction', '--enable-admission-plugins=AlwaysAdmit']);
    expect(flags.get('enable-admission-plugins')?.value).toBe('NodeRestriction,AlwaysAdmit');
  });

  it('reads a feature gate as the map flag does: Go booleans, spaces trimmed, the last mention wins across repeated flags', () => {
    const flags = apiserver(['kube-apiserver', '--feature-gates=RotateKubeletServerCertificate=false,Other=true', '--feature-gates= RotateKubeletServerCertificate = T']);
    expect(featureGate(flags.get('feature-gates'), 'RotateKubeletServerCertificate')).toBe(true);
    expect(featureGate(flags.get('feature-gates'), 'Other')).toBe(true);
    expect(featureGate(flags.get('feature-gates'), 'Absent')).toBeUndefined();
    const off = apiserver(['kube-apiserver', '--feature-gates=RotateKubeletServerCertificate=true,RotateKubeletServerCertificate=0']);
    expect(featureGate(off.get('feature-gates'), 'RotateKubeletServerCertificate')).toBe(false);
  });

  it('counts an empty value as not set, as a string flag left at its default', () => {
    const flags = apiserver(['kube-apiserver', '--tls-cert-file=', '--audit-log-path', '', '--tls-cipher-suites=,', '--client-ca-file=/etc/kubernetes/pki/ca.crt']);
    expect(flags.get('tls-cert-file')?.value).toBe('');
    expect(flags.valued('tls-cert-file')).toBeUndefined();
    expect(flags.valued('audit-log-path')).toBeUndefined();
    expect(flags.valued('tls-cipher-suites')).toBeUndefined();
    expect(flags.valued('client-ca-file')?.value).toBe('/etc/kubernetes/pki/ca.crt');
  });

  it('reads --name_with_underscores as --name-with-hyphens, as component-base normalizes kube-* flag names', () => {
    expect(apiserver(['kube-apiserver', '--anonymous-auth=false', '--anonymous_auth=true']).get('anonymous-auth')?.value).toBe('true');
  });

  it('does not read a single-dash word as a long flag of a kube-* binary (pflag shorthand syntax)', () => {
    expect(apiserver(['kube-apiserver', '--anonymous-auth=true', '-anonymous-auth=false']).get('anonymous-auth')?.value).toBe('true');
  });

  it('reads -name as --name for etcd, which parses with Go\'s flag package', () => {
    const yaml = 'apiVersion: v1\nkind: Pod\nmetadata: {name: etcd, namespace: kube-system}\nspec:\n  containers:\n    - name: etcd\n      image: registry.k8s.io/etcd:3.5.21-0\n      command: ["etcd", "--client-cert-auth=true", "-client-cert-auth=false", "--peer_client_cert_auth"]\n';
    const result = readArtifact('etcd.yaml', yaml);
    if (result.status !== 'read' || result.artifact.kind !== 'kubernetes') throw new Error('not read as Kubernetes');
    const [flags] = [...result.artifact.objects].flatMap((object) => componentFlags(object));
    expect(flags?.get('client-cert-auth')?.value).toBe('false');
    // Go's flag package does not normalize names: etcd rejects --peer_client_cert_auth at start-up.
    expect(flags?.get('peer-client-cert-auth')).toBeUndefined();
  });

  it('reads a bare flag as true', () => {
    expect(apiserver(['kube-apiserver', '--allow-privileged', '--v=2']).get('allow-privileged')?.value).toBe('true');
  });

  it('expands $(VAR) from the container environment as the kubelet does, before the binary reads its flags', () => {
    expect(expandReferences('--profiling=$(P) --x=$$(P) --y=$(UNSET) --z=$(P', new Map([['P', 'true']]))).toBe('--profiling=true --x=$(P) --y=$(UNSET) --z=$(P');
    const [flags] = pods(`
    - name: api
      image: registry.k8s.io/kube-apiserver:v1.34.0
      env: [{name: ANON, value: "true"}, {name: FLAG, value: "--anonymous-auth=$(ANON)"}]
      command: [kube-apiserver, "$(FLAG)", "--profiling=$(MISSING)"]
`);
    expect(flags?.get('anonymous-auth')?.value).toBe('true');
    expect(flags?.get('profiling')?.value).toBe('$(MISSING)');
  });

  it('finds the binary and its flags inside a sh -c script or after a wrapper\'s --', () => {
    const [shell] = pods(`
    - name: api
      image: registry.k8s.io/kube-apiserver:v1.34.0
      env: [{name: MODE, value: AlwaysAllow}]
      command: [/bin/sh, -c, "GOGC=50 exec /usr/local/bin/kube-apiserver --anonymous-auth='true' --authorization-mode=$MODE \\\n --profiling=false; echo done --profiling=true"]
`);
    expect(shell?.component).toBe('kube-apiserver');
    expect(shell?.get('anonymous-auth')?.value).toBe('true');
    expect(shell?.get('authorization-mode')?.value).toBe('AlwaysAllow');
    expect(shell?.get('profiling')?.value).toBe('false');
    const [wrapped] = pods(`
    - name: node-agent
      image: registry.example.com/tools:1.0
      command: [nsenter, --target, "1", --mount, --, /usr/bin/kubelet, --read-only-port=10255]
`);
    expect(wrapped?.component).toBe('kubelet');
    expect(wrapped?.get('read-only-port')?.value).toBe('10255');
    expect(wrapped?.get('target')).toBeUndefined();
  });

  it('does not take a word that only names a component for the component', () => {
    expect(pods(`
    - name: log-reader
      image: registry.example.com/tools:1.0
      command: [kubectl, logs, -n, kube-system, kube-apiserver, --tail=10]
`)).toEqual([]);
  });
});

function pods(containers: string) {
  const yaml = `apiVersion: v1\nkind: Pod\nmetadata: {name: p, namespace: kube-system}\nspec:\n  containers:${containers}`;
  const result = readArtifact('pod.yaml', yaml);
  if (result.status !== 'read' || result.artifact.kind !== 'kubernetes') throw new Error('not read as Kubernetes');
  return [...result.artifact.objects].flatMap((object) => componentFlags(object));
}
