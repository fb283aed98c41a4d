import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArtifact, type ReadResult } from '../../src/artifacts/artifact.ts';
import { interpolate } from '../../src/artifacts/compose-interpolation.ts';
import { STREAMED_LIST_BYTES } from '../../src/artifacts/json-list.ts';
import { main } from '../../src/cli/main.ts';
import { formatText, paint } from '../../src/cli/format-text.ts';
import { countObjectsWithoutRules, type RunSummary } from '../../src/cli/summary.ts';
import { validateContent } from '../../src/integrity/validate.ts';
import { loadAutomatedChecks, runChecks } from '../../src/rules/engine.ts';
import type { Finding } from '../../src/rules/finding.ts';

/**
 * Bulkhead must read Kubernetes manifests and Compose files the way Kubernetes
 * (sigs.k8s.io/yaml, YAML 1.1) and Docker Compose (compose-go) read them: a spelling either of
 * them accepts must not hide a finding, and an input they accept must not be refused.
 */
const root = join(import.meta.dirname, '..', '..');
const { graph } = validateContent(root, { rules: [] });
const checks = await loadAutomatedChecks(graph, root);

function read(file: string, text: string): ReadResult & { status: 'read' } {
  const result = readArtifact(file, text);
  if (result.status !== 'read') throw new Error(`${file} was not read: ${result.problems.map((problem) => problem.message).join('; ')}`);
  return result;
}

/** The findings a user sees for one input, as [checkId, line, object] (or with column). */
function findings(file: string, text: string): Finding[] {
  const result = read(file, text);
  expect(result.problems, `${file} reads without input errors`).toEqual([]);
  return runChecks(result.artifact, checks);
}

function seen(list: Finding[], checkId: string): [number | undefined, string][] {
  return list.filter((finding) => finding.checkId === checkId).map((finding) => [finding.line, finding.object]);
}

const yaml = (lines: string[]) => `${lines.join('\n')}\n`;

describe('item 1: Kubernetes booleans are YAML 1.1 (sigs.k8s.io/yaml)', () => {
  const spellings = ['yes', 'on', 'y', 'Yes', 'YES', 'True'];
  const pod = yaml([
    'apiVersion: v1',
    'kind: Pod',
    'metadata: { name: spelled, namespace: shop }',
    'spec:',
    '  hostPID: yes', // 5
    '  hostNetwork: on', // 6
    '  hostIPC: Y', // 7
    '  containers:',
    ...spellings.flatMap((word, index) => [`  - name: c${index}`, `    image: nginx`, '    securityContext:', `      privileged: ${word}`]),
  ]);

  it('privileged: yes / on / y / Yes / YES / True, hostPID: yes, hostNetwork: on, hostIPC: Y are all true', () => {
    const list = findings('pod.yaml', pod);
    expect(seen(list, 'BH-CK-002')).toEqual(spellings.map((_, index) => [12 + index * 4, 'Pod shop/spelled']));
    expect(seen(list, 'BH-CK-072')).toEqual([[5, 'Pod shop/spelled']]);
    expect(seen(list, 'BH-CK-073')).toEqual([[6, 'Pod shop/spelled']]);
    expect(seen(list, 'BH-CK-074')).toEqual([[7, 'Pod shop/spelled']]);
  });

  it('no / off / n / NO are false wherever Kubernetes reads a boolean', () => {
    const hardened = yaml([
      'apiVersion: v1',
      'kind: Pod',
      'metadata: { name: hardened }',
      'spec:',
      '  automountServiceAccountToken: off',
      '  hostUsers: n',
      '  securityContext: { runAsNonRoot: y }',
      '  containers:',
      '  - name: app',
      '    image: nginx',
      '    securityContext:',
      '      privileged: NO',
      '      allowPrivilegeEscalation: no',
      '      readOnlyRootFilesystem: yes',
    ]);
    const list = findings('hardened.yaml', hardened);
    for (const id of ['BH-CK-002', 'BH-CK-077', 'BH-CK-078', 'BH-CK-079', 'BH-CK-085', 'BH-CK-089']) expect(seen(list, id), id).toEqual([]);
  });

  it('strings stay strings when quoted or not a YAML 1.1 word; an unquoted `on` as a name is a boolean, as kubectl reads it', () => {
    // Choice: the document is read exactly as kubectl decodes it, so `name: on` is the boolean
    // true (and the API server refuses it as a name). The container is then named by its index.
    const text = yaml([
      'apiVersion: v1',
      'kind: Pod',
      'metadata: { name: words }',
      'spec:',
      '  containers:',
      '  - name: on',
      '    image: nginx:on',
      '    env: [{ name: DEBUG, value: yes }, { name: MODE, value: "yes" }]',
      '  - name: "off"',
      '    image: nginx@sha512:' + 'a'.repeat(128),
    ]);
    const result = read('words.yaml', text);
    const [object] = [...(result.artifact.kind === 'kubernetes' ? result.artifact.objects : [])];
    expect(object?.pod?.containers.map((container) => container.name)).toEqual(['#0', 'off']);
    const first = object?.pod?.containers[0]?.value;
    expect(first?.image).toBe('nginx:on');
    expect(first?.env).toEqual([{ name: 'DEBUG', value: true }, { name: 'MODE', value: 'yes' }]);
    expect(seen(runChecks(result.artifact, checks), 'BH-CK-084')).toEqual([[7, 'Pod/words']]);
  });
});

describe('item 2: merge keys, inline and from an anchor, with positions in the real text', () => {
  it('Kubernetes: a securityContext merged from an anchor is checked where the anchor writes it', () => {
    const text = yaml([
      'apiVersion: apps/v1',
      'kind: Deployment',
      'metadata: { name: merged, namespace: shop }',
      'spec:',
      '  template:',
      '    spec:',
      '      hostPID: false',
      '      containers:',
      '      - name: app',
      '        image: nginx',
      '        securityContext: &loose',
      '          privileged: true', // 12
      '      - name: sidecar',
      '        image: nginx',
      '        securityContext:',
      '          <<: *loose',
      '      - <<: { name: inline, image: nginx }',
      '        securityContext: { <<: *loose }',
    ]);
    expect(seen(findings('merged.yaml', text), 'BH-CK-002')).toEqual([[12, 'Deployment shop/merged'], [12, 'Deployment shop/merged'], [12, 'Deployment shop/merged']]);
  });

  it('Compose: an x- extension merged into services carries privileged, pid and network_mode', () => {
    const text = yaml([
      'x-host: &host',
      '  privileged: true', // 2
      '  pid: host', // 3
      '  network_mode: host', // 4
      'services:',
      '  web:',
      '    <<: *host',
      '    image: nginx',
      '  db:',
      '    image: postgres',
      '    <<: [*host]',
    ]);
    const list = findings('compose.yaml', text);
    expect(seen(list, 'BH-CK-001')).toEqual([[2, 'service web'], [2, 'service db']]);
    expect(seen(list, 'BH-CK-005')).toEqual([[3, 'service web'], [3, 'service db']]);
    expect(seen(list, 'BH-CK-006')).toEqual([[4, 'service web'], [4, 'service db']]);
  });
});

describe('item 3: Compose booleans and interpolation as compose-go reads them', () => {
  it('"yes", True, on, ${PRIV:-true} and ${PRIV-true} all mean privileged; $$ escapes', () => {
    const text = yaml([
      'services:',
      '  a: { image: x, privileged: "yes" }', // 2
      '  b: { image: x, privileged: True }', // 3
      '  c: { image: x, privileged: on }', // 4
      '  d: { image: x, privileged: "${PRIV:-true}" }', // 5
      '  e: { image: x, privileged: "${PRIV-true}" }', // 6
      '  f: { image: x, privileged: "$${PRIV:-true}" }', // 7: the literal text, not a boolean
      '  g: { image: x, privileged: "${PRIV:+true}" }', // 8: unset, so ""
    ]);
    expect(seen(findings('compose.yaml', text), 'BH-CK-001').map(([line]) => line)).toEqual([2, 3, 4, 5, 6]);
  });

  it('interpolates strings: pid, network_mode and volume sources', () => {
    const text = yaml([
      'services:',
      '  web:',
      '    image: nginx',
      '    pid: ${PID:-host}', // 4
      '    network_mode: "${NET-host}"', // 5
      '    volumes:',
      '      - ${SOCK:-/var/run/docker.sock}:/var/run/docker.sock', // 7
    ]);
    const list = findings('compose.yaml', text);
    expect(seen(list, 'BH-CK-005')).toEqual([[4, 'service web']]);
    expect(seen(list, 'BH-CK-006')).toEqual([[5, 'service web']]);
    expect(seen(list, 'BH-CK-008')).toEqual([[7, 'service web']]);
  });

  it('interpolation rules: nested defaults, $$, unset without default', () => {
    expect(interpolate('${A:-${B:-x}}')).toBe('x');
    expect(interpolate('$$HOME and $${X}')).toBe('$HOME and ${X}');
    expect(interpolate('${A}${B:?required}$C-d')).toBe('-d');
  });
});

describe('item 4: host paths are compared as the kernel resolves them', () => {
  const spellings = ['/var/run//docker.sock', '/var/run/./docker.sock', '/var/run/../run/docker.sock', '/var/run/docker.sock/', '//', '/.'];

  it('Kubernetes hostPath', () => {
    const text = yaml([
      'apiVersion: v1',
      'kind: Pod',
      'metadata: { name: sockets }',
      'spec:',
      '  containers: [{ name: app, image: nginx }]',
      '  volumes:',
      ...spellings.map((path, index) => `  - { name: v${index}, hostPath: { path: "${path}" } }`),
    ]);
    expect(seen(findings('pod.yaml', text), 'BH-CK-076').map(([line]) => line)).toEqual([7, 8, 9, 10, 11, 12]);
  });

  it('Compose volumes and docker inspect mounts', () => {
    const compose = yaml(['services:', '  web:', '    image: nginx', '    volumes:', ...spellings.map((path, index) => `      - "${path}:/host${index}"`)]);
    expect(seen(findings('compose.yaml', compose), 'BH-CK-008').map(([line]) => line)).toEqual([5, 6, 7, 8, 9, 10]);
    const inspect = JSON.stringify([{ Name: '/web', Config: { Image: 'nginx' }, HostConfig: { Binds: ['/var/run/../run/docker.sock:/s'] }, Mounts: [{ Source: '/var/run/docker.sock/', Destination: '/s' }] }], null, 2);
    expect(seen(findings('inspect.json', inspect), 'BH-CK-008')).toHaveLength(1);
  });
});

describe('item 5: the content decides the kind; the name only breaks ties', () => {
  const job = yaml(['apiVersion: batch/v1', 'kind: Job', 'metadata: { name: build }', 'spec:', '  template:', '    spec:', '      containers:', '      - name: kaniko', '        image: kaniko', '        securityContext: { privileged: true }']);

  it('a Job in dockerfile-build-job.yaml is Kubernetes, and dockerfile.png is not read in a walk', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'bulkhead-kind-'));
    writeFileSync(join(directory, 'dockerfile-build-job.yaml'), job);
    writeFileSync(join(directory, 'dockerfile.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d]));
    writeFileSync(join(directory, 'Dockerfile'), 'FROM nginx:1.27\n');
    let stdout = '';
    let stderr = '';
    await main({ argv: ['check', '--format', 'json', '.'], cwd: directory, env: {}, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readStdin: () => Buffer.alloc(0), isTty: false });
    expect(stderr).toBe('');
    const report = JSON.parse(stdout) as { findings: Finding[]; summary: RunSummary };
    expect(report.findings.filter((finding) => finding.checkId === 'BH-CK-002').map((finding) => [finding.file, finding.line, finding.object])).toEqual([['dockerfile-build-job.yaml', 10, 'Job/build']]);
    expect(report.findings.some((finding) => finding.file === 'Dockerfile')).toBe(true);
    expect(report.summary.filesChecked).toBe(2);
  });
});

describe('item 6: any object with a pod template is a workload', () => {
  const template = ['  template:', '    spec:', '      containers:', '      - name: app', '        image: nginx', '        securityContext: { privileged: true }'];
  const cases: [string, string, string[]][] = [
    ['argoproj.io/v1alpha1', 'Rollout', ['spec:', ...template]],
    ['apps.openshift.io/v1', 'DeploymentConfig', ['spec:', ...template]],
    ['v1', 'DeploymentConfig', ['spec:', ...template]],
    ['serving.knative.dev/v1', 'Service', ['spec:', ...template]],
    ['example.com/v1', 'NightlyJob', ['spec:', '  jobTemplate:', '    spec:', ...template.map((line) => `    ${line}`)]],
  ];
  for (const [apiVersion, kind, body] of cases) {
    it(`${kind} (${apiVersion})`, () => {
      // OpenShift 3 wrote DeploymentConfigs under the legacy `apiVersion: v1`, shared with core kinds.
      const text = yaml([`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata: { name: app, namespace: team }', ...body]);
      expect(seen(findings('workload.yaml', text), 'BH-CK-002')).toEqual([[body.length + 3, `${kind} team/app`]]);
    });
  }
});

describe('item 7: kinds without rules are read, counted and reach every rule', () => {
  const others = [
    ['kustomize.config.k8s.io/v1beta1', 'Kustomization'],
    ['autoscaling.k8s.io/v1', 'VerticalPodAutoscaler'],
    ['snapshot.storage.k8s.io/v1', 'VolumeSnapshotClass'],
    ['kubeadm.k8s.io/v1beta4', 'ClusterConfiguration'],
    ['kyverno.io/v1', 'ClusterPolicy'],
  ];
  const withRules = [
    ['kubelet.config.k8s.io/v1beta1', 'KubeletConfiguration'],
    ['apiserver.config.k8s.io/v1', 'EncryptionConfiguration'],
    ['apiserver.config.k8s.io/v1', 'AdmissionConfiguration'],
    ['audit.k8s.io/v1', 'Policy'],
  ];
  const text = [...others, ...withRules].map(([apiVersion, kind]) => yaml([`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata: { name: x }'])).join('---\n');

  it('no "unknown kind" for configuration and CRD kinds; the others are counted in the summary', () => {
    const result = read('cluster.yaml', text);
    expect(result.problems).toEqual([]);
    if (result.artifact.kind !== 'kubernetes') throw new Error('not Kubernetes');
    expect([...result.artifact.objects].map((object) => object.kind)).toEqual([...others, ...withRules].map(([, kind]) => kind));
    const summary: RunSummary = { filesChecked: 1, filesSkipped: 0, inputErrors: 0, checksRun: checks.length };
    countObjectsWithoutRules(summary, result.artifact);
    expect(summary.objectsWithoutRules).toEqual({ count: 5, kinds: { Kustomization: 1, VerticalPodAutoscaler: 1, VolumeSnapshotClass: 1, ClusterConfiguration: 1, ClusterPolicy: 1 } });
    expect(formatText([], summary, paint(false))).toMatch(/, 5 objects of kinds without rules: ClusterConfiguration, ClusterPolicy, Kustomization, VerticalPodAutoscaler, VolumeSnapshotClass; \d+ automated checks\n$/);
  });

  it('a misspelt kind of a built-in group is still a problem line with file, line and value', () => {
    const documents = [['apps/v1', 'Deploymnet'], ['rbac.authorization.k8s.io/v1', 'ClusterRoleBindng'], ['v1', 'Pods'], ['batch/v1', 'cronjob']];
    const result = readArtifact('typo.yaml', documents.map(([apiVersion, kind]) => yaml([`apiVersion: ${apiVersion}`, `kind: ${kind}`, 'metadata: { name: x }'])).join('---\n'));
    expect(result.problems.map((problem) => [problem.file, problem.position?.line, problem.message])).toEqual([
      ['typo.yaml', 2, 'unknown kind "Deploymnet" (apiVersion "apps/v1"): API group apps has no such kind; did you mean Deployment?'],
      ['typo.yaml', 6, 'unknown kind "ClusterRoleBindng" (apiVersion "rbac.authorization.k8s.io/v1"): API group rbac.authorization.k8s.io has no such kind; did you mean ClusterRoleBinding?'],
      ['typo.yaml', 10, 'unknown kind "Pods" (apiVersion "v1"): API group core (v1) has no such kind; did you mean Pod?'],
      ['typo.yaml', 14, 'unknown kind "cronjob" (apiVersion "batch/v1"): API group batch has no such kind; did you mean CronJob?'],
    ]);
  });

  it('a valid kind of another API that shares a built-in version is not a typo (kubeconfig Config, OpenShift Route under v1)', () => {
    const result = read('other.yaml', ['Config', 'Route', 'Template'].map((kind) => yaml(['apiVersion: v1', `kind: ${kind}`, 'metadata: { name: x }'])).join('---\n'));
    expect(result.problems).toEqual([]);
    expect(result.artifact.kind === 'kubernetes' && result.artifact.withoutRules).toEqual(new Map([['Config', 1], ['Route', 1], ['Template', 1]]));
  });
});

describe('item 8: a multi-line double-quoted scalar that PyYAML and Kubernetes accept', () => {
  it('a continuation line less indented than its key is read, and later lines keep their numbers', () => {
    const text = yaml([
      'apiVersion: v1',
      'kind: Pod',
      'metadata:',
      '  name: quoted',
      '  annotations:',
      '    description: "first line',
      'second line less indented than the key"',
      'spec:',
      '  containers:',
      '  - name: app',
      '    image: nginx',
      '    securityContext: { privileged: true }', // 12
    ]);
    expect(seen(findings('quoted.yaml', text), 'BH-CK-002')).toEqual([[12, 'Pod/quoted']]);
  });
});

describe('item 9: Object.prototype names are data', () => {
  it('kind constructor / __proto__ / toString / hasOwnProperty neither crash nor match anything inherited', () => {
    const names = ['constructor', 'toString', 'hasOwnProperty', '__proto__'];
    for (const apiVersion of ['v1', 'apps/v1', 'example.com/v1']) {
      const result = read('proto.yaml', names.map((kind) => yaml([`apiVersion: ${apiVersion}`, `kind: ${kind}`, `metadata: { name: ${kind} }`])).join('---\n'));
      // `__proto__` is no kind name in any API (an underscore); the others are well-formed kinds of no known API.
      expect(result.problems.map((problem) => [problem.position?.line, problem.message]), apiVersion).toEqual([[14, `unknown kind "__proto__" (apiVersion "${apiVersion}"): not a kind name in any API (a letter, then letters, digits or -)`]]);
      const summary: RunSummary = { filesChecked: 1, filesSkipped: 0, inputErrors: 0, checksRun: 0 };
      countObjectsWithoutRules(summary, result.artifact);
      expect(Object.keys(summary.objectsWithoutRules?.kinds ?? {})).toEqual(names.slice(0, 3));
      expect(runChecks(result.artifact, checks), apiVersion).toEqual([]);
    }
  });

  it('containers, services and fields named after prototype members are ordinary names', () => {
    const pod = yaml(['apiVersion: v1', 'kind: Pod', 'metadata: { name: __proto__, namespace: constructor }', 'spec:', '  containers:', '  - name: toString', '    image: nginx', '    securityContext: { privileged: true, __proto__: { privileged: false } }']);
    expect(seen(findings('pod.yaml', pod), 'BH-CK-002')).toEqual([[8, 'Pod constructor/__proto__']]);
    const compose = yaml(['services:', '  constructor: { image: x, privileged: true }', '  __proto__: { image: x, pid: host }']);
    const list = findings('compose.yaml', compose);
    expect(seen(list, 'BH-CK-001')).toEqual([[2, 'service constructor']]);
    expect(seen(list, 'BH-CK-005')).toEqual([[3, 'service __proto__']]);
  });
});

describe('item 10: aliases are bounded by expansion, not by count', () => {
  it('an alias used 150 times (ordinary in Compose) is read', () => {
    const services = Array.from({ length: 150 }, (_, index) => `  s${index}: { <<: *base, image: app${index} }`);
    const list = findings('compose.yaml', yaml(['x-base: &base', '  privileged: true', 'services:', ...services]));
    expect(seen(list, 'BH-CK-001')).toHaveLength(150);
  });

  it('an alias bomb is refused with one problem line', () => {
    const levels = ['a: &a [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++) levels.push(`${String.fromCharCode(97 + level)}: &${String.fromCharCode(97 + level)} [${Array(10).fill(`*${String.fromCharCode(96 + level)}`).join(', ')}]`);
    const result = readArtifact('bomb.yaml', yaml(['apiVersion: v1', 'kind: ConfigMap', 'metadata: { name: bomb }', 'data:', ...levels.map((line) => `  ${line}`)]));
    expect(result.status).toBe('invalid');
    expect(result.problems).toEqual([{ file: 'bomb.yaml', message: expect.stringMatching(/^invalid YAML: document 1 expands its aliases to more than \d+ nodes .*alias bomb/), position: { line: 1, column: 1 } }]);
  });
});

describe('item 11: any OCI digest pins an image', () => {
  it('@sha512 and @sha256 digests are pinned; a short digest is not', () => {
    const images = [`nginx@sha512:${'b'.repeat(128)}`, `nginx:1.27@sha256:${'c'.repeat(64)}`, 'nginx@sha256:abc'];
    const text = yaml(['apiVersion: v1', 'kind: Pod', 'metadata: { name: pinned }', 'spec:', '  containers:', ...images.flatMap((image, index) => [`  - name: c${index}`, `    image: "${image}"`])]);
    expect(seen(findings('pod.yaml', text), 'BH-CK-084')).toEqual([[11, 'Pod/pinned']]);
  });
});

describe('item 12: objects are named with their namespace, and JSON Lists keep real positions', () => {
  const deployment = (namespace: string) => ({ apiVersion: 'apps/v1', kind: 'Deployment', metadata: { name: 'web', namespace }, spec: { template: { spec: { containers: [{ name: 'app', image: 'nginx', securityContext: { privileged: true } }] } } } });

  it('two Deployments web in shop and in blog are told apart, on their own lines of a kubectl get -o json List', () => {
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items: [deployment('shop'), deployment('blog')], metadata: {} }, null, 4);
    const lines = text.split('\n');
    const privileged = lines.flatMap((line, index) => (line.includes('"privileged"') ? [[index + 1, line.indexOf('"privileged"') + 1]] : []));
    const list = findings('all.json', text).filter((finding) => finding.checkId === 'BH-CK-002');
    expect(list.map((finding) => [finding.line, finding.column, finding.object])).toEqual([
      [...(privileged[0] as number[]), 'Deployment shop/web'],
      [...(privileged[1] as number[]), 'Deployment blog/web'],
    ]);
  });

  it(`a JSON List over ${STREAMED_LIST_BYTES / 1024 / 1024} MiB is read one item at a time, with the same positions and problems`, () => {
    const filler = { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'filler', namespace: 'kube-system' }, data: { blob: 'x'.repeat(8000) } };
    const items: unknown[] = Array.from({ length: 1100 }, () => filler);
    items.push(deployment('shop'), { apiVersion: 'apps/v1', kind: 'Deploymnet', metadata: { name: 'typo' } }, { apiVersion: 'example.com/v1', kind: 'Widget', metadata: { name: 'w' } });
    const text = JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4);
    expect(text.length).toBeGreaterThan(STREAMED_LIST_BYTES);
    const lines = text.split('\n');
    const privilegedLine = lines.findIndex((line) => line.includes('"privileged"')) + 1;
    const privilegedColumn = (lines[privilegedLine - 1] ?? '').indexOf('"privileged"') + 1;
    const typoLine = lines.findIndex((line) => line.includes('"Deploymnet"')) + 1;
    const result = readArtifact('cluster.json', text);
    expect(result.problems).toEqual([{ file: 'cluster.json', message: expect.stringMatching(/^unknown kind "Deploymnet"/), position: { line: typoLine, column: 13 } }]);
    if (result.status !== 'read' || result.artifact.kind !== 'kubernetes') throw new Error('not read');
    expect(Array.isArray(result.artifact.objects), 'objects are streamed, not held in an array').toBe(false);
    expect(result.artifact.withoutRules).toEqual(new Map([['Widget', 1]]));
    const list = runChecks(result.artifact, checks).filter((finding) => finding.checkId === 'BH-CK-002');
    expect(list.map((finding) => [finding.line, finding.column, finding.object])).toEqual([[privilegedLine, privilegedColumn, 'Deployment shop/web']]);
  });
});

describe('item 13: built-in RBAC objects are exempt only while they are the defaults', () => {
  const binding = (name: string, role: string, subjects: string[]) =>
    yaml(['apiVersion: rbac.authorization.k8s.io/v1', 'kind: ClusterRoleBinding', `metadata: { name: "${name}" }`, `roleRef: { apiGroup: rbac.authorization.k8s.io, kind: ClusterRole, name: "${role}" }`, 'subjects:', ...subjects]);
  const group = (name: string) => `- { apiGroup: rbac.authorization.k8s.io, kind: Group, name: "${name}" }`;

  it('BH-CK-055: a binding named system:public-info-viewer that grants cluster-admin to system:anonymous is reported', () => {
    const forged = binding('system:public-info-viewer', 'cluster-admin', [group('system:authenticated'), '- { apiGroup: rbac.authorization.k8s.io, kind: User, name: system:anonymous }']);
    expect(seen(findings('rbac.yaml', forged), 'BH-CK-055')).toEqual([[7, 'ClusterRoleBinding/system:public-info-viewer']]);
    const extraSubject = binding('system:public-info-viewer', 'system:public-info-viewer', [group('system:authenticated'), group('system:unauthenticated'), '- { apiGroup: rbac.authorization.k8s.io, kind: User, name: system:anonymous }']);
    expect(seen(findings('rbac.yaml', extraSubject), 'BH-CK-055').map(([line]) => line)).toEqual([7, 8]);
    const defaults = binding('system:public-info-viewer', 'system:public-info-viewer', [group('system:unauthenticated'), group('system:authenticated')]);
    expect(seen(findings('rbac.yaml', defaults), 'BH-CK-055')).toEqual([]);
  });

  it('BH-CK-041: a system: or cluster-admin name does not exempt wildcard rules that are not the defaults', () => {
    const role = (kind: string, name: string, rules: string[]) => yaml(['apiVersion: rbac.authorization.k8s.io/v1', `kind: ${kind}`, `metadata: { name: "${name}", namespace: shop }`, 'rules:', ...rules]);
    const everything = '- { apiGroups: ["*"], resources: ["*"], verbs: ["*"] }';
    expect(seen(findings('r.yaml', role('ClusterRole', 'system:controller:namespace-controller', [everything])), 'BH-CK-041')).toHaveLength(3);
    expect(seen(findings('r.yaml', role('Role', 'cluster-admin', [everything])), 'BH-CK-041')).toHaveLength(3);
    expect(seen(findings('r.yaml', role('ClusterRole', 'system:controller:namespace-controller', ['- { apiGroups: ["*"], resources: ["*"], verbs: [list, delete, get, watch, deletecollection] }'])), 'BH-CK-041')).toEqual([]);
    expect(seen(findings('r.yaml', role('ClusterRole', 'cluster-admin', [everything, '- { nonResourceURLs: ["*"], verbs: ["*"] }'])), 'BH-CK-041')).toEqual([]);
  });
});

describe('item 14: BH-CK-071 capabilities', () => {
  it('MAC_ADMIN and MAC_OVERRIDE are dangerous; names match in any case, with or without CAP_', () => {
    const text = yaml(['apiVersion: v1', 'kind: Pod', 'metadata: { name: caps }', 'spec:', '  containers:', '  - name: app', '    image: nginx', '    securityContext:', '      capabilities:', '        add: [MAC_ADMIN, cap_mac_override, Cap_Sys_Admin, CAP_CHOWN]']);
    const list = findings('caps.yaml', text).filter((finding) => finding.checkId === 'BH-CK-071');
    expect(list.map((finding) => [finding.line, finding.message])).toEqual([
      [10, 'container "app" adds capability MAC_ADMIN'],
      [10, 'container "app" adds capability MAC_OVERRIDE'],
      [10, 'container "app" adds capability SYS_ADMIN'],
    ]);
  });
});
