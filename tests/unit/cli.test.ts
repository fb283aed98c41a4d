import { spawnSync } from 'node:child_process';
import { chmodSync, copyFileSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { main } from '../../src/cli/main.ts';

const root = join(import.meta.dirname, '..', '..');
const artifacts = join(root, 'tests', 'fixtures', 'artifacts');
const privilegedFixture = join(root, 'content', 'checks', 'bh-ck-002-k8s-no-privileged-pods', 'fail', 'deployment.yaml');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

async function cli(argv: string[], options: { cwd?: string; stdin?: string; tty?: boolean; env?: Record<string, string> } = {}): Promise<Run> {
  let stdout = '';
  let stderr = '';
  const code = await main({
    argv,
    cwd: options.cwd ?? root,
    env: options.env ?? {},
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: () => Buffer.from(options.stdin ?? ''),
    isTty: options.tty ?? false,
  });
  return { code, stdout, stderr };
}

const errorLines = (run: Run) => run.stderr.trimEnd().split('\n').filter(Boolean);

describe('bulkhead check: kinds and findings', () => {
  it('reports a privileged container with check, risk, severity, position, scanner rules and page', async () => {
    const run = await cli(['check', '--format', 'json', privilegedFixture]);
    expect(run.code).toBe(1);
    const report = JSON.parse(run.stdout) as { findings: Record<string, unknown>[] };
    expect(report.findings).toContainEqual(expect.objectContaining({
      checkId: 'BH-CK-002',
      severity: 'critical',
      line: 16,
      column: 13,
      object: 'Deployment/node-agent',
      url: 'https://bulkhead.dev/checks/bh-ck-002/',
      riskIds: expect.arrayContaining(['BH-R-001']),
      scannerRules: expect.objectContaining({ trivy: ['KSV-0017'], kubescape: expect.arrayContaining(['C-0057']), checkov: ['CKV_K8S_16'] }),
      // Trivy KSV-0017 skips ephemeral containers (content/mappings/workloads.yaml): a clean Trivy run is not a pass here.
      scannerRelations: expect.arrayContaining([{ scanner: 'trivy', id: 'KSV-0017', relation: 'narrower', manual: false }]),
    }));
  });

  it('reads Helm output from stdin: comment-only documents are skipped, lines count from the stream start', async () => {
    const run = await cli(['check', '--format', 'json', '-'], { stdin: readFileSync(join(artifacts, 'helm-output.yaml'), 'utf8') });
    const report = JSON.parse(run.stdout) as { findings: { checkId: string; file: string; line: number; object: string }[]; errors: unknown[] };
    expect(report.errors).toEqual([]);
    expect(report.findings.filter((finding) => finding.checkId === 'BH-CK-002')).toEqual([expect.objectContaining({ file: '<stdin>', line: 26, object: 'Deployment/shop' })]);
  });

  it('checks the pod template inside every item of a List, including a CronJob', async () => {
    const run = await cli(['check', '--format', 'json', join(artifacts, 'list.yaml')]);
    const report = JSON.parse(run.stdout) as { findings: { checkId: string; object: string; line: number }[] };
    expect(report.findings.filter((finding) => finding.checkId === 'BH-CK-002').map((finding) => [finding.object, finding.line])).toEqual([['Pod/debug', 13], ['CronJob/nightly', 29]]);
  });

  it('names the build stage of each Dockerfile finding', async () => {
    const run = await cli(['check', '--format', 'json', join(root, 'content', 'checks', 'bh-ck-011-dockerfile-base-image-pinned', 'fail', 'Dockerfile')]);
    const report = JSON.parse(run.stdout) as { findings: { checkId: string; object: string; line: number }[] };
    expect(report.findings.filter((finding) => finding.checkId === 'BH-CK-011').map((finding) => [finding.line, finding.object])).toEqual([[2, 'stage deps'], [5, 'stage assets'], [9, 'final stage']]);
  });

  it('--kind forces the reader', async () => {
    const run = await cli(['check', '--kind', 'dockerfile', join(artifacts, 'list.yaml')]);
    expect(run.code).toBe(0);
    expect(run.stdout).toContain('0 findings in 1 file checked');
  });

  it('--fail-on sets the severity that fails the run', async () => {
    expect((await cli(['check', privilegedFixture])).code).toBe(1);
    expect((await cli(['check', '--fail-on', 'none', privilegedFixture])).code).toBe(0);
  });

  it('walks a directory and skips YAML that is no container artifact', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'bulkhead-walk-'));
    writeFileSync(join(directory, 'values.yaml'), 'replicaCount: 2\n');
    mkdirSync(join(directory, 'k8s'));
    copyFileSync(privilegedFixture, join(directory, 'k8s', 'deployment.yaml'));
    writeFileSync(join(directory, 'README.md'), '# not read\n');
    const run = await cli(['check', '.'], { cwd: directory });
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('k8s/deployment.yaml\n');
    expect(run.stdout).toMatch(/in 1 file checked, 1 skipped \(not a container artifact\)/);
  });
});

describe('bulkhead check: output', () => {
  it('text output is grouped by file and coloured only on a terminal without NO_COLOR', async () => {
    const plain = await cli(['check', privilegedFixture]);
    expect(plain.stdout).toMatch(/^content\/checks\/bh-ck-002-k8s-no-privileged-pods\/fail\/deployment\.yaml\n {2}\d+:\d+ /);
    expect(plain.stdout).toMatch(/\n {2}16:13 +critical +BH-CK-002 +container "agent" sets securityContext\.privileged: true/);
    expect(plain.stdout).not.toContain('\u001b[');
    expect((await cli(['check', privilegedFixture], { tty: true })).stdout).toContain('\u001b[');
    expect((await cli(['check', privilegedFixture], { tty: true, env: { NO_COLOR: '1' } })).stdout).not.toContain('\u001b[');
  });

  it('SARIF output is valid against the official SARIF 2.1.0 schema and links each rule to its page', async () => {
    const run = await cli(['check', '--format', 'sarif', privilegedFixture, join(artifacts, 'invalid.yaml')]);
    const sarif = JSON.parse(run.stdout) as { runs: { tool: { driver: { rules: { id: string; helpUri: string; fullDescription: { text: string } }[] } }; results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[]; invocations: { executionSuccessful: boolean }[] }[] };
    const schema = JSON.parse(readFileSync(join(root, 'tests', 'vendor', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const [run0] = sarif.runs;
    const rule = run0?.tool.driver.rules.find((candidate) => candidate.id === 'BH-CK-002');
    expect(rule?.helpUri).toBe('https://bulkhead.dev/checks/bh-ck-002/');
    expect(rule?.fullDescription.text.length).toBeGreaterThan(40);
    expect(run0?.results.find((result) => result.ruleId === 'BH-CK-002')?.locations[0]?.physicalLocation.region.startLine).toBe(16);
    expect(run0?.invocations[0]?.executionSuccessful).toBe(false);
  });

  it('counts objects of kinds without rules in every format, so a clean run is not read as a full one', async () => {
    const stdin = 'apiVersion: kustomize.config.k8s.io/v1beta1\nkind: Kustomization\nresources: [a.yaml]\n---\napiVersion: autoscaling.k8s.io/v1\nkind: VerticalPodAutoscaler\nmetadata: {name: web}\n';
    const text = await cli(['check', '-'], { stdin });
    expect(text.stdout).toContain('2 objects of kinds without rules: Kustomization, VerticalPodAutoscaler');
    const json = JSON.parse((await cli(['check', '--format', 'json', '-'], { stdin })).stdout) as { summary: { objectsWithoutRules?: { count: number; kinds: Record<string, number> } } };
    expect(json.summary.objectsWithoutRules).toEqual({ count: 2, kinds: { Kustomization: 1, VerticalPodAutoscaler: 1 } });
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif', '-'], { stdin })).stdout) as { runs: { invocations: { toolExecutionNotifications: { level: string; message: { text: string } }[] }[] }[] };
    const schema = JSON.parse(readFileSync(join(root, 'tests', 'vendor', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    expect(ajv.compile(schema)(sarif)).toBe(true);
    expect(sarif.runs[0]?.invocations[0]?.toolExecutionNotifications).toEqual([expect.objectContaining({ level: 'note', message: { text: expect.stringContaining('2 objects of kinds without rules') } })]);
  });

  it('--output writes the report to a file', async () => {
    const out = join(mkdtempSync(join(tmpdir(), 'bulkhead-out-')), 'report.sarif');
    const run = await cli(['check', '--format', 'sarif', '--output', out, privilegedFixture]);
    expect(run.stdout).toBe('');
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ version: '2.1.0' });
  });
});

describe('bulkhead check: bad input gets one line naming the file, and the rest is still checked', () => {
  let directory: string;
  beforeAll(() => {
    directory = mkdtempSync(join(tmpdir(), 'bulkhead-bad-'));
    writeFileSync(join(directory, 'binary.yaml'), Buffer.from([0x7f, 0x45, 0x4c, 0x46, 0x00, 0x01, 0x02]));
    writeFileSync(join(directory, 'empty.yaml'), '');
    writeFileSync(join(directory, 'huge.yaml'), '');
    truncateSync(join(directory, 'huge.yaml'), 50 * 1024 * 1024);
    mkdirSync(join(directory, 'loop', 'inner'), { recursive: true });
    symlinkSync('..', join(directory, 'loop', 'inner', 'back'));
    symlinkSync('self.yaml', join(directory, 'self.yaml'));
  });

  const cases: [string, () => string[], RegExp][] = [
    ['invalid YAML', () => [join(artifacts, 'invalid.yaml')], /^error: tests\/fixtures\/artifacts\/invalid\.yaml:6:1: invalid YAML: Flow sequence/],
    ['a binary file', () => [join(directory, 'binary.yaml')], /^error: .*binary\.yaml: binary file/],
    ['an empty file', () => [join(directory, 'empty.yaml')], /^error: .*empty\.yaml: empty file$/],
    ['a 50 MB file', () => [join(directory, 'huge.yaml')], /^error: .*huge\.yaml: file is 50\.0 MiB, over the 10 MiB input limit$/],
    ['a path that does not exist', () => ['no/such/manifest.yaml'], /^error: no\/such\/manifest\.yaml: no such file or directory$/],
    ['a symlink loop', () => [join(directory, 'loop')], /^error: .*loop\/inner\/back: symbolic link loop/],
    ['a symlink to itself', () => [join(directory, 'self.yaml')], /^error: .*self\.yaml: symbolic link loop$/],
    ['an unknown kind', () => [join(artifacts, 'unknown-kind.yaml')], /^error: tests\/fixtures\/artifacts\/unknown-kind\.yaml:2:1: unknown kind "Deploymnet"/],
  ];
  for (const [label, paths, expected] of cases) {
    it(label, async () => {
      const run = await cli(['check', ...paths(), privilegedFixture]);
      expect(errorLines(run)).toHaveLength(1);
      expect(errorLines(run)[0]).toMatch(expected);
      expect(run.stdout, 'the good file is still checked').toContain('BH-CK-002');
      expect(run.code).toBe(2);
    });
  }

  it('usage errors exit 2 with one line and a pointer to --help', async () => {
    for (const argv of [['check'], ['check', '--format', 'xml', 'x'], ['check', '--bogus', 'x']]) {
      const run = await cli(argv);
      expect(run.code, argv.join(' ')).toBe(2);
      expect(run.stderr).toMatch(/^bulkhead: .+\nRun "bulkhead check --help" for usage\.\n$/);
    }
  });

  it('a directory without read permission is reported and the walk goes on (run as an unprivileged user)', () => {
    const parent = mkdtempSync(join(tmpdir(), 'bulkhead-perm-'));
    chmodSync(parent, 0o755);
    mkdirSync(join(parent, 'locked'), { mode: 0o000 });
    copyFileSync(privilegedFixture, join(parent, 'deployment.yaml'));
    chmodSync(join(parent, 'deployment.yaml'), 0o644);
    chmodSync(join(parent, 'locked'), 0o000);
    const asRoot = process.getuid?.() === 0;
    // root reads any directory, so the test drops to "nobody" when it runs as root (as in CI).
    const command = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const result = spawnSync(command[0] ?? '', [...command.slice(1), join(root, 'bin', 'bulkhead.mjs'), 'check', '.'], { cwd: parent, encoding: 'utf8' });
    expect(result.stderr).toBe('error: locked: cannot read directory: permission denied\n');
    expect(result.stdout).toContain('deployment.yaml\n');
    expect(result.status).toBe(2);
  });
});

describe('the bulkhead binary', () => {
  it('runs from bin/ with exit codes and no stack trace on bad input', () => {
    const result = spawnSync(process.execPath, [join(root, 'bin', 'bulkhead.mjs'), 'check', join(artifacts, 'invalid.yaml'), 'missing.yaml'], { cwd: root, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trimEnd().split('\n')).toHaveLength(2);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });
});
