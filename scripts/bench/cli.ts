/**
 * npm run bench:cli — two cases, each in its own process so each peak memory is its own:
 *
 * 1. 10,000 generated Kubernetes manifests (Deployments, StatefulSets, CronJobs and Pods,
 *    hardened and not, some as multi-document streams) in a temporary folder: `bulkhead check`
 *    over the folder, printing manifests per second, findings and peak memory. Target: at least
 *    3,000 manifests/s under 512 MiB on a 2-core machine. `--count N` sets the corpus size.
 * 2. One generated `kubectl get -A -o json` List of about 200 MB (`--list-mib N`), which is read
 *    one item at a time: objects per second and peak memory, which must stay bounded (well under
 *    the gigabytes a whole parse takes).
 *
 * `--case manifests` or `--case list` runs one case in this process. `--format text|sarif` measures
 * another report format than JSON (the report is a large part of the time once findings are many).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { readArtifact, type Artifact } from '../../src/artifacts/artifact.ts';
import { main } from '../../src/cli/main.ts';
import { validateContent } from '../../src/integrity/validate.ts';
import { loadAutomatedChecks, runChecks } from '../../src/rules/engine.ts';
import { writeClusterList } from './cluster-list.ts';

function option(name: string): string | undefined {
  const index = process.argv.indexOf(`--${name}`);
  return index > 0 ? process.argv[index + 1] : undefined;
}

const COUNT = Number(option('count') ?? 10_000);
const LIST_MIB = Number(option('list-mib') ?? 200);
const FORMAT = option('format') ?? 'json';
const KINDS = ['Deployment', 'StatefulSet', 'DaemonSet', 'CronJob', 'Pod'] as const;

function podSpec(n: number, indent: string): string {
  const hardened = n % 3 === 0;
  const context = hardened
    ? `securityContext:\n  runAsNonRoot: true\n  allowPrivilegeEscalation: false\n  readOnlyRootFilesystem: true\n  capabilities:\n    drop: [ALL]\n  seccompProfile:\n    type: RuntimeDefault`
    : `securityContext:\n  privileged: ${n % 2 === 0}\n  capabilities:\n    add: [NET_ADMIN]`;
  const lines = [
    `automountServiceAccountToken: ${hardened ? 'false' : 'true'}`,
    `hostNetwork: ${n % 7 === 0}`,
    'containers:',
    `  - name: app-${n}`,
    `    image: registry.example.com/app-${n}:${hardened ? `1.${n % 10}.0@sha256:${'0'.repeat(63)}1` : 'latest'}`,
    '    env:',
    `      - { name: MODE, value: "${n % 4}" }`,
    ...(hardened ? ['    resources:', '      limits: { cpu: 500m, memory: 256Mi }'] : []),
    ...context.split('\n').map((line) => `    ${line}`),
    ...(n % 5 === 0 ? ['volumes:', '  - name: host', '    hostPath: { path: /var/run/docker.sock }'] : []),
  ];
  return lines.map((line) => `${indent}${line}`).join('\n');
}

function manifest(n: number): string {
  const kind = KINDS[n % KINDS.length] ?? 'Pod';
  const header = `apiVersion: ${kind === 'CronJob' ? 'batch/v1' : kind === 'Pod' ? 'v1' : 'apps/v1'}\nkind: ${kind}\nmetadata:\n  name: app-${n}\n  namespace: team-${n % 20}\n`;
  if (kind === 'Pod') return `${header}spec:\n${podSpec(n, '  ')}\n`;
  if (kind === 'CronJob') return `${header}spec:\n  schedule: "0 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n${podSpec(n, '          ')}\n`;
  return `${header}spec:\n  selector:\n    matchLabels: { app: app-${n} }\n  template:\n    metadata:\n      labels: { app: app-${n} }\n    spec:\n${podSpec(n, '      ')}\n`;
}

/** Findings in a report, counted without parsing it (parsing is not bulkhead's work). */
function countFindings(report: string): number {
  if (FORMAT === 'json') return report.match(/"checkId":\s*"/g)?.length ?? 0;
  if (FORMAT === 'sarif') return report.split('"ruleId": ').length - 1;
  return Number(/^(\d+) findings?/m.exec(report.split('\n').filter(Boolean).at(-1) ?? '')?.[1] ?? 0);
}

/**
 * Runs `bulkhead check` in this process. A JSON report arrives in pieces of whole findings and is
 * counted piece by piece, not kept: holding a 100 MB report would measure the benchmark's memory,
 * not bulkhead's (a user pipes it to a file or a program). Text and SARIF come as one piece.
 */
async function check(path: string, cwd: string): Promise<{ code: number; seconds: number; cpuSeconds: number; findings: number }> {
  let findings = 0;
  const started = performance.now();
  const cpu = process.cpuUsage();
  const code = await main({
    argv: ['check', '--format', FORMAT, '--fail-on', 'none', path],
    cwd,
    env: {},
    stdout: (text) => {
      findings += countFindings(text);
    },
    stderr: (text) => process.stderr.write(text),
    readStdin: () => Buffer.alloc(0),
    isTty: false,
  });
  const seconds = (performance.now() - started) / 1000;
  const used = process.cpuUsage(cpu);
  // CPU time as well as wall time: on a shared machine the wall time also counts other processes' turns.
  return { code, seconds, cpuSeconds: (used.user + used.system) / 1e6, findings };
}

const peakMiB = () => (process.resourceUsage().maxRSS / 1024).toFixed(0);

/**
 * Where the time of a run goes, measured again after it on the same inputs: reading (parse, kind
 * detection, objects) and the checks; the rest of a run is loading the knowledge base, walking
 * the folder and writing the report.
 */
async function phases(inputs: { name: string; text: string }[]): Promise<void> {
  const root = fileURLToPath(new URL('../..', import.meta.url));
  const checks = await loadAutomatedChecks(validateContent(root, { rules: [] }).graph, root);
  let started = performance.now();
  const artifacts: Artifact[] = [];
  for (const input of inputs) {
    const result = readArtifact(input.name, input.text);
    if (result.status === 'read') artifacts.push(result.artifact);
  }
  const reading = (performance.now() - started) / 1000;
  started = performance.now();
  let findings = 0;
  for (const artifact of artifacts) findings += runChecks(artifact, checks).length;
  const checking = (performance.now() - started) / 1000;
  console.log(`  reading      ${reading.toFixed(2)} s  (${Math.round(COUNT / reading)} manifests/s: parse, kind, objects)`);
  console.log(`  checks       ${checking.toFixed(2)} s  (${checks.length} automated checks, ${findings} findings)`);
}

async function manifestsCase(): Promise<void> {
  const corpus = mkdtempSync(join(tmpdir(), 'bulkhead-cli-bench-'));
  const inputs: { name: string; text: string }[] = [];
  // One manifest per file, except every tenth file, which is a stream of ten documents (Helm-style).
  let written = 0;
  for (let file = 0; written < COUNT; file++) {
    const folder = join(corpus, `team-${file % 20}`);
    mkdirSync(folder, { recursive: true });
    const documents = file % 10 === 0 ? Math.min(10, COUNT - written) : 1;
    const text = Array.from({ length: documents }, (_, index) => manifest(written + index)).join('---\n');
    writeFileSync(join(folder, `manifest-${file}.yaml`), text);
    inputs.push({ name: `team-${file % 20}/manifest-${file}.yaml`, text });
    written += documents;
  }
  const run = await check(corpus, corpus);
  const peak = peakMiB();
  rmSync(corpus, { recursive: true, force: true });
  console.log(`manifests      ${COUNT} (--format ${FORMAT})`);
  console.log(`exit code      ${run.code}`);
  console.log(`findings       ${run.findings}`);
  console.log(`seconds        ${run.seconds.toFixed(2)} (including loading the knowledge base and its rules), ${run.cpuSeconds.toFixed(2)} s of CPU`);
  console.log(`manifests/s    ${Math.round(COUNT / run.seconds)}  (target ≥ 3000; ${Math.round(COUNT / run.cpuSeconds)} per CPU second)`);
  console.log(`peak memory    ${peak} MiB  (target < 512)`);
  console.log('of which, measured again in the same process:');
  await phases(inputs);
}

async function listCase(): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'bulkhead-list-bench-'));
  const file = join(folder, 'cluster.json');
  const { bytes, items } = writeClusterList(file, LIST_MIB * 1024 * 1024);
  const run = await check(file, folder);
  rmSync(folder, { recursive: true, force: true });
  console.log(`list           ${(bytes / 1024 / 1024).toFixed(0)} MiB, ${items} objects (kubectl get -A -o json)`);
  console.log(`exit code      ${run.code}`);
  console.log(`findings       ${run.findings}`);
  console.log(`seconds        ${run.seconds.toFixed(2)}, ${run.cpuSeconds.toFixed(2)} s of CPU`);
  console.log(`objects/s      ${Math.round(items / run.seconds)}  (${Math.round(items / run.cpuSeconds)} per CPU second)`);
  console.log(`peak memory    ${peakMiB()} MiB  (the text itself is ${(bytes / 1024 / 1024).toFixed(0)} MiB)`);
}

const only = option('case');
if (only === 'manifests') await manifestsCase();
else if (only === 'list') await listCase();
else {
  // Each case in a child process, so the second case's peak memory is not the first one's.
  const script = fileURLToPath(import.meta.url);
  for (const [name, extra] of [['manifests', ['--count', String(COUNT), '--format', FORMAT]], ['list', ['--list-mib', String(LIST_MIB), '--format', FORMAT]]] as const) {
    const child = spawnSync(process.execPath, [script, '--case', name, ...extra], { stdio: 'inherit' });
    if (child.status !== 0) process.exitCode = child.status ?? 1;
    if (name === 'manifests') console.log('');
  }
}
