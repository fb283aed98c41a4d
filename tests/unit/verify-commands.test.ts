import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArtifact } from '../../src/artifacts/artifact.ts';
import type { KubeObject } from '../../src/artifacts/kubernetes.ts';
import { validateContent } from '../../src/integrity/validate.ts';
import { componentFlags } from '../../src/rules/component-flags.ts';
import { isRecord, podMetadata } from '../../src/rules/kubernetes.ts';
import { DEFAULT_CLUSTER_ROLES } from '../../src/rules/rbac-defaults.ts';

/**
 * The commands a reader copies from a control-plane check page really run: each
 * `kubectl -n kube-system get pods -l … -o json | jq -r '…'` is fed every fixture pod of that
 * component in the project (the pass and fail fixtures of all checks), as the API server would
 * return them, and must print one line per pod in the `name=value` words its expected output
 * describes. A jq typo, or a command and its expected text drifting apart, fails here instead of
 * on a reader's cluster.
 */
const root = join(import.meta.dirname, '..', '..');
const { graph } = validateContent(root, { rules: [] });
const checksDir = join(root, 'content', 'checks');
const fixtureFiles = readdirSync(checksDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => ['pass', 'fail'].flatMap((verdict) => {
    try {
      return readdirSync(join(checksDir, entry.name, verdict)).map((name) => join('content', 'checks', entry.name, verdict, name));
    } catch {
      return [];
    }
  }));

const POD_QUERY = /^\s*kubectl -n kube-system get pods -l (?:'([^']+)'|(\S+)) -o json \| jq -r '(.+)'\s*$/;
const jq = spawnSync('jq', ['--version'], { encoding: 'utf8' });
const jqMissing = jq.error !== undefined || jq.status !== 0;

/** What a jq program prints for a List of these items, as `kubectl get -o json | jq -r` would; a jq error fails. */
function runOn(program: string, items: Record<string, unknown>[]): string {
  const run = spawnSync('jq', ['-r', program], { input: JSON.stringify({ apiVersion: 'v1', kind: 'List', items }), encoding: 'utf8' });
  if (run.status !== 0 || run.stderr) throw new Error(`jq exited ${run.status}: ${run.stderr}`);
  return run.stdout.trim();
}

/** The component names a label selector picks: `component=x` or `component in (x,y)`. */
function selectedComponents(selector: string): string[] {
  const equals = /^component=([\w-]+)$/.exec(selector);
  if (equals?.[1]) return [equals[1]];
  const set = /^component in \(([\w,-]+)\)$/.exec(selector);
  if (set?.[1]) return set[1].split(',');
  throw new Error(`selector ${selector} is neither component=x nor component in (x,y)`);
}

const objectsByFixture = new Map<string, KubeObject[]>();
/** A fixture's Kubernetes objects, read once however many commands are run on it (none for other files). */
function kubeObjects(fixture: string): KubeObject[] {
  let objects = objectsByFixture.get(fixture);
  if (!objects) {
    const result = readArtifact(fixture, readFileSync(join(root, fixture), 'utf8'));
    objects = result.status === 'read' && result.artifact.kind === 'kubernetes' ? [...result.artifact.objects] : [];
    objectsByFixture.set(fixture, objects);
  }
  return objects;
}

/** The fixture's pods of those components, as items of the List kubectl prints. */
function podList(fixture: string, components: readonly string[]): Record<string, unknown>[] {
  return kubeObjects(fixture)
    .filter((object) => {
      if (object.kind !== 'Pod') return false;
      // kubectl selects by label; a fixture without the label is matched by what it runs.
      const labels = (object.value.metadata as { labels?: Record<string, string> } | undefined)?.labels;
      if (labels?.component) return components.includes(labels.component);
      return componentFlags(object).some((flags) => components.includes(flags.component));
    })
    .map((object) => object.value);
}

const cases = graph.checks.flatMap((check) =>
  check.data.command.split('\n').flatMap((line) => {
    const match = POD_QUERY.exec(line);
    if (!match) return [];
    const components = selectedComponents(match[1] ?? match[2] ?? '');
    const fixtures = fixtureFiles.filter((fixture) => podList(fixture, components).length > 0);
    return [{ id: check.data.id, program: match[3] ?? '', components, fixtures, expected: `${check.data.expected.pass} ${check.data.expected.fail}` }];
  }),
);

describe('verify commands of control-plane checks run on their fixtures', () => {
  it('finds the commands to run (at least 25)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it('has jq to run them (CI installs it)', () => {
    if (jqMissing && !process.env.CI) console.warn('jq is not installed: the verify-command runs below are skipped (install jq to run them)');
    expect(jqMissing && Boolean(process.env.CI)).toBe(false);
  });

  for (const testCase of cases) {
    it.skipIf(jqMissing)(`${testCase.id}: one line per pod, in the words its expected output uses`, () => {
      expect(testCase.fixtures.length, `${testCase.id} has a fixture pod of ${testCase.components.join(' or ')}`).toBeGreaterThan(0);
      for (const fixture of testCase.fixtures) {
        const pods = podList(fixture, testCase.components);
        const lines = runOn(testCase.program, pods).split('\n');
        expect(lines, `${testCase.id} on ${fixture}`).toHaveLength(pods.length);
        for (const line of lines) {
          const keys = [...line.matchAll(/(?:^|\s)([A-Za-z][\w-]*)=/g)].map((key) => key[1]);
          for (const key of keys) expect(testCase.expected, `${testCase.id}: "${key}=" printed for ${fixture} (${line}) appears in its expected output`).toContain(`${key}=`);
        }
      }
    });
  }
});

const LIST_QUERY = /^\s*kubectl get ([a-z,]+) --all-namespaces -o json \| jq -r '(.+)'\s*$/;

/** What `kubectl get <kinds>` returns for a fixture: its objects of those kinds, and for pods the pods its workloads run. */
function listed(fixture: string, kinds: readonly string[]): Record<string, unknown>[] {
  return kubeObjects(fixture).flatMap((object) => {
    if (kinds.includes(object.kind.toLowerCase())) return [object.kind === 'Pod' && object.pod ? { ...object.value, spec: admitted(object.pod.spec) } : object.value];
    if (!kinds.includes('pod') || !object.pod) return [];
    // A controller's pods carry its template: the template's metadata and spec.
    const metadata = podMetadata(object)?.value ?? {};
    const owner = POD_OWNER.get(object.kind);
    return [{ apiVersion: 'v1', kind: 'Pod', metadata: { ...metadata, name: `${object.name}-7d9f8`, namespace: object.namespace ?? 'default', ...(owner ? { ownerReferences: [{ kind: owner, name: object.name }] } : {}) }, spec: admitted(object.pod.spec) }];
  });
}

/** The kind that owns the pods a workload kind creates, as the pods' ownerReferences say. */
const POD_OWNER = new Map([['Deployment', 'ReplicaSet'], ['ReplicaSet', 'ReplicaSet'], ['StatefulSet', 'StatefulSet'], ['DaemonSet', 'DaemonSet'], ['Job', 'Job'], ['CronJob', 'Job']]);

/**
 * A pod spec as the API server stores it, which is what the commands read: a resource limit
 * without a request gets the limit as its request (defaulting), and unless the pod opts out, the
 * ServiceAccount admission plugin mounts a `kube-api-access-…` projected token volume.
 */
function admitted(spec: Record<string, unknown>): Record<string, unknown> {
  const containers = (list: unknown) => (Array.isArray(list) ? (list as unknown[]) : []).filter(isRecord).map((container) => {
    const resources = (container.resources ?? {}) as { limits?: Record<string, unknown>; requests?: Record<string, unknown> };
    if (!resources.limits) return container;
    return { ...container, resources: { ...resources, requests: { ...resources.limits, ...resources.requests } } };
  });
  const volumes = (Array.isArray(spec.volumes) ? (spec.volumes as unknown[]) : []).filter(isRecord);
  const tokenVolume = { name: 'kube-api-access-x2k8p', projected: { sources: [{ serviceAccountToken: { path: 'token' } }] } };
  const mountsToken = spec.automountServiceAccountToken !== false && !volumes.some((volume) => String(volume.name).startsWith('kube-api-access-'));
  return { ...spec, containers: containers(spec.containers), initContainers: containers(spec.initContainers), volumes: mountsToken ? [...volumes, tokenVolume] : volumes };
}

const singular = (kind: string) => kind.replace(/ies$/, 'y').replace(/ses$/, 's').replace(/s$/, '');

const verdictCases = graph.checks.flatMap((check) => {
  const automation = check.automation;
  if (!automation || !/^No output\b/.test(check.data.expected.pass)) return [];
  const lines = check.data.command.trim().split('\n');
  const match = lines.length === 1 ? LIST_QUERY.exec(lines[0] ?? '') : null;
  if (!match) return [];
  return [{ id: check.data.id, kinds: (match[1] ?? '').split(',').map(singular), program: match[2] ?? '', passFixtures: automation.passFixtures, failFixtures: automation.failFixtures }];
});

describe('verify commands of cluster-wide checks agree with their fixtures', () => {
  it('finds the commands to run (at least 20)', () => {
    expect(verdictCases.length).toBeGreaterThanOrEqual(20);
  });

  for (const testCase of verdictCases) {
    it.skipIf(jqMissing)(`${testCase.id}: prints nothing for its pass fixtures and a line for each fail fixture`, () => {
      for (const fixture of testCase.passFixtures) {
        const items = listed(fixture, testCase.kinds);
        if (items.length === 0) continue;
        expect(runOn(testCase.program, items), `${testCase.id} on ${fixture}`).toBe('');
      }
      for (const fixture of testCase.failFixtures) {
        const items = listed(fixture, testCase.kinds);
        if (items.length === 0) continue;
        expect(runOn(testCase.program, items), `${testCase.id} on ${fixture}`).not.toBe('');
      }
    });
  }
});

describe('the RBAC commands exempt the same default roles as bulkhead check', () => {
  const roleChecks = graph.checks.filter((check) => check.data.command.includes('def builtin: .kind == "ClusterRole"'));
  it('the ten role checks (wildcards, and the nine dangerous permissions) use one list', () => {
    expect(roleChecks.map((check) => check.data.id)).toHaveLength(10);
  });
  for (const check of roleChecks) {
    it(`${check.data.id} names exactly src/rules/rbac-defaults.ts's default ClusterRoles`, () => {
      const list = /any\((\[[^\]]*\])\[\]; \. == \$n\)/.exec(check.data.command)?.[1];
      expect(new Set(JSON.parse(list ?? '[]') as string[])).toEqual(DEFAULT_CLUSTER_ROLES);
    });
  }
});

/** A one-line command that reads `Dockerfile` in the current directory and prints nothing when the check passes. */
const DOCKERFILE_ARGUMENT = / Dockerfile(?=$| \|)/;

const dockerfileCases = graph.checks.flatMap((check) => {
  const automation = check.automation;
  const command = check.data.command.trim();
  if (!automation || command.includes('\n') || !DOCKERFILE_ARGUMENT.test(command) || !/^"?No output\b/.test(check.data.expected.pass)) return [];
  const dockerfiles = (fixtures: readonly string[]) => fixtures.filter((fixture) => readArtifact(fixture, readFileSync(join(root, fixture), 'utf8')).status === 'read' && /dockerfile|containerfile/i.test(fixture));
  // A page that says its command finds only what is written literally leaves the fixtures that
  // hide the setting in a variable to bulkhead check, which expands them.
  const literalOnly = check.body.includes('written literally');
  const failFixtures = dockerfiles(automation.failFixtures).filter((fixture) => !(literalOnly && readFileSync(join(root, fixture), 'utf8').includes('$')));
  return [{ id: check.data.id, command, passFixtures: dockerfiles(automation.passFixtures), failFixtures }];
});

function runShell(command: string, dockerfile: string): string {
  const run = spawnSync('sh', ['-c', command.replace(DOCKERFILE_ARGUMENT, ` '${join(root, dockerfile).replaceAll("'", "'\\''")}'`)], { encoding: 'utf8' });
  if (run.stderr) throw new Error(`${command} on ${dockerfile}: ${run.stderr}`);
  return run.stdout.trim();
}

describe('verify commands of Dockerfile checks agree with their fixtures', () => {
  it('finds the commands to run (at least 8)', () => {
    expect(dockerfileCases.length).toBeGreaterThanOrEqual(8);
  });

  for (const testCase of dockerfileCases) {
    it(`${testCase.id}: prints nothing for its pass fixtures and a line for each fail fixture`, () => {
      expect(testCase.passFixtures.length + testCase.failFixtures.length).toBeGreaterThan(0);
      for (const fixture of testCase.passFixtures) expect(runShell(testCase.command, fixture), `${testCase.id} on ${fixture}`).toBe('');
      for (const fixture of testCase.failFixtures) expect(runShell(testCase.command, fixture), `${testCase.id} on ${fixture}`).not.toBe('');
    });
  }
});
