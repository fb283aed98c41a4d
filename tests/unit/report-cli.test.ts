/**
 * `bulkhead report` end to end on the fixture system (tests/fixtures/report/system: a Deployment,
 * a Dockerfile, a Compose file and daemon.json) with the scanner fixtures: the JSON validates
 * against the published schema, the statuses, merges and ranking of known risks, and bad input.
 */
import { mkdtempSync, writeFileSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import type { KnowledgeBase } from '../../src/cli/knowledge-base.ts';
import { main } from '../../src/cli/main.ts';
import type { ReportDocument } from '../../src/report/document.ts';
import { reportSchema } from '../../src/report/schema.ts';

const system = join(import.meta.dirname, '..', 'fixtures', 'report', 'system');
const findings = join(import.meta.dirname, '..', 'fixtures', 'findings');
const REPORTS = ['trivy.json', 'kubescape.json', 'checkov.json', 'docker-bench.json', 'kube-bench.json'].map((name) => join(findings, name));

export async function report(argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv: ['report', ...argv], cwd: system, env: {}, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readStdin: () => Buffer.alloc(0), isTty: false });
  return { code, stdout, stderr };
}

const ajv = new Ajv({ allErrors: true, strict: true });
addFormats.default(ajv);
const validate = ajv.compile(reportSchema());

describe('bulkhead report --format json', () => {
  let run: Awaited<ReturnType<typeof report>>;
  let document: ReportDocument;
  beforeAll(async () => {
    run = await report(['.', '--format', 'json', ...REPORTS.flatMap((file) => ['--scanner-report', file])]);
    document = JSON.parse(run.stdout) as ReportDocument;
  }, 60_000);

  it('writes a report that validates against /report.schema.json, exit 0', () => {
    expect(run.stderr).toBe('');
    expect(run.code).toBe(0);
    expect(validate(document), JSON.stringify(validate.errors, null, 1)).toBe(true);
    expect(document.inputs.artifacts.map((artifact) => artifact.kind).sort()).toEqual(['compose', 'docker-daemon', 'dockerfile', 'kubernetes']);
    expect(document.inputs.scannerReports.map((input) => input.format)).toEqual(['trivy-json', 'kubescape-json', 'checkov-json', 'docker-bench-json', 'kube-bench-json']);
  });

  it('merges bulkhead, Trivy, Kubescape and Checkov on the privileged Deployment into one row', () => {
    const row = document.findings.find((finding) => finding.riskId === 'BH-R-001' && finding.object === 'Deployment/web');
    expect(row).toMatchObject({ file: 'k8s/deploy.yaml', line: 22, stage: 'container' });
    expect(row?.sources.map((source) => `${source.tool} ${source.ruleId}`)).toEqual(['bulkhead BH-CK-002', 'checkov CKV_K8S_16', 'kubescape C-0057', 'trivy KSV-0017']);
    // The Compose service is another object: its own row.
    expect(document.findings.find((finding) => finding.riskId === 'BH-R-001' && finding.object === 'service web')?.sources.map((source) => source.ruleId)).toEqual(['BH-CK-001']);
  });

  it('gives known risks their status and reason', () => {
    const risk = (id: string) => document.risks.find((row) => row.id === id);
    expect(risk('BH-R-001')).toMatchObject({ status: 'present', findings: 3 });
    expect(risk('BH-R-013')?.status).toBe('present');
    expect(risk('BH-R-060')?.status).toBe('not-found');
    expect(risk('BH-R-060')?.reason).toMatch(/^Ran and found nothing: BH-CK-075/);
    expect(risk('BH-R-070')?.status).toBe('not-assessed');
    expect(document.risks.every((row) => row.reason.length > 0)).toBe(true);
    const totals = document.summary.stages.reduce((sum, stage) => sum + stage.present + stage.notFound + stage.notAssessed, 0);
    expect(totals).toBe(document.risks.length);
  });

  it('ranks "never run privileged containers" first', () => {
    expect(document.mitigations[0]).toMatchObject({ id: 'BH-M-001', risks: ['BH-R-001', 'BH-R-054', 'BH-R-075'] });
    const scores = document.mitigations.map((row) => row.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
  });

  it("keeps kube-bench's manual tests in their own section", () => {
    expect(document.otherFindings.map((other) => `${other.tool} ${other.ruleId} ${other.reason}`)).toEqual(['kube-bench 5.2.2 manual', 'kube-bench 5.2.3 manual']);
  });
});

describe('bulkhead report: bad input', () => {
  it('an unreadable, a truncated and an unrecognised report: one line each naming the file, the rest still reported, exit 2', async () => {
    const directory = mkdtempSync(join(tmpdir(), 'bulkhead-report-'));
    const truncated = join(directory, 'truncated.json');
    writeFileSync(truncated, readFileSync(join(findings, 'trivy.json')).subarray(0, 700));
    const unknown = join(directory, 'unknown.json');
    writeFileSync(unknown, '{"hello": "world"}\n');
    const missing = join(directory, 'missing.json');
    const run = await report(['--format', 'json', '--scanner-report', missing, '--scanner-report', truncated, '--scanner-report', unknown, '--scanner-report', join(findings, 'kubescape.json')]);
    expect(run.code).toBe(2);
    const lines = run.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(3);
    expect(lines[0]).toContain(missing);
    expect(lines[0]).toContain('no such file');
    expect(lines[1]).toContain(truncated);
    expect(lines[1]).toContain('not JSON: unexpected end of input');
    expect(lines[2]).toContain(unknown);
    expect(lines[2]).toContain('not output of a known scanner');
    const document = JSON.parse(run.stdout) as ReportDocument;
    expect(document.inputs.errors.map((error) => error.file)).toEqual([missing, truncated, unknown]);
    expect(document.risks.find((risk) => risk.id === 'BH-R-001')?.status).toBe('present');
  }, 60_000);

  it('a knowledge base without a threat model (an older package) says so, exit 2', async () => {
    let stderr = '';
    const kb: KnowledgeBase = { version: '0.0.1', source: () => undefined, siteUrl: () => 'https://bulkhead.dev', loadChecks: async () => [], loadStanding: async () => undefined };
    const code = await main({ argv: ['report', '--scanner-report', REPORTS[0] ?? ''], cwd: system, env: {}, stdout: () => {}, stderr: (text) => (stderr += text), readStdin: () => Buffer.alloc(0), isTty: false }, kb);
    expect(code).toBe(2);
    expect(stderr).toBe('error: this knowledge base carries no threat model (risks, mitigations, mappings); reinstall the package\n');
  });

  it('no input at all and an unknown format are usage errors', async () => {
    const none = await report([]);
    expect(none.code).toBe(2);
    expect(none.stderr).toBe('bulkhead report: no PATH and no --scanner-report given\nRun "bulkhead report --help" for usage.\n');
    const format = await report(['.', '--format', 'pdf']);
    expect(format.stderr).toMatch(/^bulkhead report: --format "pdf" is not one of html, json, sarif\n/);
    expect((await report(['--help'])).stdout).toMatch(/^Usage: bulkhead report \[options\] PATH\.\.\./);
  }, 60_000);
});
