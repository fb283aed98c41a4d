/**
 * npm run bench:cli — generates 10,000 Kubernetes manifests (Deployments, StatefulSets, CronJobs
 * and Pods, hardened and not, some as multi-document streams) into a temporary folder, runs
 * `bulkhead check` over the folder in this process, and prints manifests per second, findings
 * and peak memory. Target: at least 2,000 manifests/s on a 2-core machine. `--count N` sets the
 * corpus size.
 */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { main } from '../../src/cli/main.ts';

const countArgument = process.argv.indexOf('--count');
const COUNT = countArgument > 0 ? Number(process.argv[countArgument + 1]) : 10_000;
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

const corpus = mkdtempSync(join(tmpdir(), 'bulkhead-cli-bench-'));
// One manifest per file, except every tenth file, which is a stream of ten documents (Helm-style).
let written = 0;
for (let file = 0; written < COUNT; file++) {
  const folder = join(corpus, `team-${file % 20}`);
  mkdirSync(folder, { recursive: true });
  const documents = file % 10 === 0 ? Math.min(10, COUNT - written) : 1;
  const text = Array.from({ length: documents }, (_, index) => manifest(written + index)).join('---\n');
  writeFileSync(join(folder, `manifest-${file}.yaml`), text);
  written += documents;
}

let findings = 0;
const started = performance.now();
const code = await main({
  argv: ['check', '--format', 'json', '--fail-on', 'none', corpus],
  cwd: corpus,
  env: {},
  stdout: (text) => {
    findings = (JSON.parse(text) as { findings: unknown[] }).findings.length;
  },
  stderr: (text) => process.stderr.write(text),
  readStdin: () => Buffer.alloc(0),
  isTty: false,
});
const seconds = (performance.now() - started) / 1000;
const peakMiB = process.resourceUsage().maxRSS / 1024;
rmSync(corpus, { recursive: true, force: true });

console.log(`manifests      ${COUNT}`);
console.log(`exit code      ${code}`);
console.log(`findings       ${findings}`);
console.log(`seconds        ${seconds.toFixed(2)} (including loading the knowledge base and its rules)`);
console.log(`manifests/s    ${Math.round(COUNT / seconds)}  (target ≥ 2000)`);
console.log(`peak memory    ${peakMiB.toFixed(0)} MiB`);
