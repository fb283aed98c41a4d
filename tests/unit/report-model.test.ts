/**
 * The report model of `bulkhead report` on a small knowledge base and the scanner fixtures:
 * statuses with their reasons, the merge of agreeing findings across tools, the ranking, and the
 * section for findings that map to no risk.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { buildReport, type ReportInput } from '../../src/report/model.ts';
import { readScannerReport } from '../../src/report/scanner-findings.ts';
import { CHECKS, DATA, privileged } from './helpers/report-fixtures.ts';

const findings = join(import.meta.dirname, '..', 'fixtures', 'findings');
const report = (name: string) => ({ file: `reports/${name}`, read: readScannerReport(readFileSync(join(findings, name))) });

function build(extra: Partial<ReportInput> = {}) {
  return buildReport({
    data: DATA,
    checks: CHECKS,
    artifacts: [{ file: 'k8s/deploy.yaml', kind: 'kubernetes' }],
    bulkheadFindings: [{ finding: privileged(), kind: 'kubernetes' }],
    scannerReports: [report('trivy.json'), report('kubescape.json'), report('checkov.json'), report('kube-bench.json')],
    ...extra,
  });
}

describe('bulkhead report: the model', () => {
  it('merges the findings of bulkhead, Trivy and Kubescape about one object and one risk into one row', () => {
    const model = build();
    const rows = model.findings.filter((finding) => finding.riskId === 'R-1');
    expect(rows).toHaveLength(1);
    const [row] = rows;
    expect(row?.object).toBe('Deployment/web');
    expect(row?.file).toBe('k8s/deploy.yaml');
    // Bulkhead's line points at the field; scanners point at the object.
    expect(row?.line).toBe(21);
    expect(row?.sources.map((source) => `${source.tool} ${source.ruleId} ${source.relation}`)).toEqual(['bulkhead C-1 same', 'kubescape C-0057 narrower', 'trivy KSV-0017 same']);
    expect(row?.mitigations).toEqual(['M-1']);
  });

  it('keeps objects apart: another namespace is another row', () => {
    const model = build({ bulkheadFindings: [{ finding: privileged('Deployment shop/web'), kind: 'kubernetes' }] });
    expect(model.findings.filter((finding) => finding.riskId === 'R-1').map((finding) => finding.object).sort()).toEqual(['Deployment shop/web', 'Deployment/web']);
  });

  it('gives every risk a status with its reason', () => {
    const model = build();
    const status = Object.fromEntries(model.risks.map((risk) => [risk.id, [risk.status, risk.reason]]));
    expect(status['R-1']?.[0]).toBe('present');
    // Trivy's KSV011 is mapped as related to R-2.
    expect(status['R-2']?.[0]).toBe('present');
    expect(status['R-3']).toEqual(['not-assessed', "Bulkhead's checks for it (C-3) read dockerfile, and none was given; no catalogued scanner rule detects it."]);
    expect(status['R-4']).toEqual(['not-assessed', 'No automated check and no catalogued scanner rule detects this risk: it needs a review by a person.']);
    expect(status['R-5']).toEqual(['not-found', 'Ran and found nothing: C-5.']);
    expect(model.stages).toEqual([
      { key: 'image', title: 'Image', path: '/stages/image/', present: 0, notFound: 0, notAssessed: 1 },
      { key: 'orchestration', title: 'Orchestrator', path: '/stages/orchestration/', present: 2, notFound: 1, notAssessed: 1 },
    ]);
  });

  it('a scanner rule that ran counts as assessing its risks; one that was not in the report does not', () => {
    const withoutArtifacts = build({ artifacts: [], bulkheadFindings: [], scannerReports: [report('kubescape.json')] });
    expect(withoutArtifacts.risks.find((risk) => risk.id === 'R-1')?.status).toBe('present');
    expect(withoutArtifacts.risks.find((risk) => risk.id === 'R-5')?.status).toBe('not-assessed');
    const clean = build({ artifacts: [], bulkheadFindings: [], scannerReports: [{ file: 'clean.json', read: { format: 'trivy-json', findings: [], ran: [{ scanner: 'trivy', ruleId: 'KSV017' }], listsPasses: true } }] });
    expect(clean.risks.find((risk) => risk.id === 'R-1')).toMatchObject({ status: 'not-found', detectors: ['Trivy KSV-0017'] });
  });

  it("counts passed results as run: Trivy's successes (--include-non-failures) and Kubescape's passed controls, not skipped ones", () => {
    const trivy = readScannerReport(Buffer.from(JSON.stringify({ SchemaVersion: 2, Results: [{ Target: 'k8s/a.yaml', Misconfigurations: [{ ID: 'KSV017', AVDID: 'AVD-KSV-0017', Status: 'PASS' }] }] })));
    expect(trivy).toMatchObject({ findings: [], ran: [{ scanner: 'trivy', ruleId: 'AVD-KSV-0017' }], listsPasses: true });
    const clean = build({ artifacts: [], bulkheadFindings: [], scannerReports: [{ file: 'trivy.json', read: trivy }] });
    expect(clean.risks.find((risk) => risk.id === 'R-1')).toMatchObject({ status: 'not-found', reason: 'Ran and found nothing: Trivy KSV-0017.' });
    const kubescape = (status: string) => readScannerReport(Buffer.from(JSON.stringify({ summaryDetails: { controls: {} }, resources: [], results: [{ resourceID: 'apps/v1/default/Deployment/web', controls: [{ controlID: 'C-0057', status: { status } }] }] })));
    expect(kubescape('passed').ran).toEqual([{ scanner: 'kubescape', ruleId: 'C-0057' }]);
    expect(kubescape('skipped').ran).toEqual([]);
  });

  it('ranks mitigations by the severity-weighted present risks and findings they address', () => {
    const model = build();
    expect(model.mitigations.map((row) => [row.id, row.score, row.risks, row.findings])).toEqual([
      ['M-1', 8, ['R-1'], 1],
      ['M-2', 4, ['R-2'], 1],
    ]);
  });

  it('lists out-of-scope, unmapped and manual findings in their own section, never drops them', () => {
    const model = build();
    expect(model.otherFindings.map((other) => `${other.tool} ${other.ruleId} ${other.reason}`).sort()).toEqual(['checkov CKV_K8S_16 out-of-scope', 'kube-bench 5.2.2 manual', 'kube-bench 5.2.3 manual', 'kubescape C-0017 unmapped']);
    expect(model.otherFindings.find((other) => other.reason === 'out-of-scope')).toMatchObject({ file: 'k8s/deploy.yaml', object: 'Deployment default/web', report: 'reports/checkov.json' });
  });

  it('a tool that names only the file meets the one object row of that file and risk', () => {
    const model = build({ scannerReports: [report('kubescape.sarif')] });
    const rows = model.findings.filter((finding) => finding.riskId === 'R-1');
    expect(rows).toHaveLength(1);
    expect(rows[0]?.sources.map((source) => source.tool)).toEqual(['bulkhead', 'kubescape']);
  });
});
