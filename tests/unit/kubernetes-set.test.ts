import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { STREAMED_LIST_BYTES } from '../../src/artifacts/json-list.ts';
import { main } from '../../src/cli/main.ts';

/**
 * Rules over the whole run (CheckRule.kubernetesSet, here BH-CK-422): they see the Kubernetes
 * objects of every file given to one `bulkhead check` together, report after the last file, and
 * keep the JSON, SARIF and text reports and `bulkhead report` as they were.
 */
const root = join(import.meta.dirname, '..', '..');
const checkDir = join(root, 'content', 'checks', 'bh-ck-422-k8s-workloads-selected-by-ingress-networkpolicy');

async function cli(argv: string[], cwd = root) {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd, env: {}, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readStdin: () => Buffer.from(''), isTty: false });
  return { code, stdout, stderr };
}

interface JsonFinding {
  checkId: string;
  file: string;
  line?: number;
  object: string;
}

async function findings422(argv: string[], cwd = root): Promise<JsonFinding[]> {
  const run = await cli(['check', '--format', 'json', ...argv], cwd);
  expect(run.stderr).toBe('');
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings.filter((finding) => finding.checkId === 'BH-CK-422');
}

const policy = `apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: default-deny-ingress
  namespace: shop
spec:
  podSelector: {}
  policyTypes: [Ingress]
`;
const workload = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  namespace: shop
spec:
  selector:
    matchLabels: { app: web }
  template:
    metadata:
      labels: { app: web }
    spec:
      containers:
        - name: web
          image: nginx:1.27
`;

describe('checks over all objects of a run', () => {
  it('finds the policy of a workload in another file of the same run', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulkhead-set-'));
    writeFileSync(join(dir, 'policy.yaml'), policy);
    writeFileSync(join(dir, 'web.yaml'), workload);
    expect(await findings422(['web.yaml'], dir)).toEqual([expect.objectContaining({ file: 'web.yaml', line: 10, object: 'Deployment shop/web' })]);
    expect(await findings422(['web.yaml', 'policy.yaml'], dir)).toEqual([]);
    expect(await findings422(['.'], dir)).toEqual([]);
  });

  it('keeps the reports: text groups the finding under its file, SARIF points at it, JSON streams it last', async () => {
    const fail = join(checkDir, 'fail');
    const text = await cli(['check', fail]);
    expect(text.code).toBe(1);
    expect(text.stdout).toMatch(/fail\/no-policy\.yaml\n {2}12:5 +medium +BH-CK-422 +DaemonSet node-cache: no NetworkPolicy in namespace "cache"/);
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif', join(fail, 'no-policy.yaml')])).stdout) as { runs: { results: { ruleId: string; locations: { physicalLocation: { region: { startLine: number } } }[] }[] }[] };
    const result = sarif.runs[0]?.results.find((candidate) => candidate.ruleId === 'BH-CK-422');
    expect(result?.locations[0]?.physicalLocation.region.startLine).toBe(12);
    const json = await findings422([fail]);
    expect(json.map((finding) => finding.file.split('/').at(-1))).toEqual(['egress-only.yaml', 'no-policy.yaml', 'other-namespace.yaml', 'selector-mismatch.yaml']);
  });

  it('counts the findings in bulkhead report', async () => {
    const run = await cli(['report', '--format', 'json', join(checkDir, 'fail')]);
    expect(run.stderr).toBe('');
    expect(run.stdout).toContain('BH-CK-422');
  });

  it('reads a streamed cluster List once and points at the item', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bulkhead-set-list-'));
    const padding = 'x'.repeat(4000);
    const items: unknown[] = [];
    for (let n = 0; items.length * padding.length < STREAMED_LIST_BYTES + 1024 * 1024; n++) {
      items.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: `app-${n}`, namespace: 'team', labels: { app: `app-${n}` }, annotations: { note: padding } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } });
    }
    items.push({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'stray', namespace: 'other', labels: { app: 'stray' } }, spec: { containers: [{ name: 'app', image: 'nginx:1.27' }] } });
    items.push({ apiVersion: 'networking.k8s.io/v1', kind: 'NetworkPolicy', metadata: { name: 'deny', namespace: 'team' }, spec: { podSelector: {}, policyTypes: ['Ingress'] } });
    const text = JSON.stringify({ apiVersion: 'v1', kind: 'List', items }, null, 1);
    writeFileSync(join(dir, 'cluster.json'), text);
    const found = await findings422(['cluster.json'], dir);
    const line = text.split('\n').findIndex((row) => row.includes('"stray"')) + 1;
    expect(found).toEqual([expect.objectContaining({ object: 'Pod other/stray' })]);
    // The finding points at the stray Pod's metadata, a line or two above its name.
    expect(line - (found[0]?.line ?? 0)).toBeGreaterThanOrEqual(0);
    expect(line - (found[0]?.line ?? 0)).toBeLessThan(3);
    expect(readFileSync(join(dir, 'cluster.json'), 'utf8').length).toBeGreaterThan(STREAMED_LIST_BYTES);
  });
});
