/**
 * `bulkhead report --format sarif`: valid SARIF 2.1.0 (the vendored official schema), one result
 * per merged finding with its risk in `properties`, the other findings kept in the run's properties.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { describe, expect, it } from 'vitest';
import { reportDocument } from '../../src/report/document.ts';
import { buildReport } from '../../src/report/model.ts';
import { formatReportSarif } from '../../src/report/sarif.ts';
import { readScannerReport } from '../../src/report/scanner-findings.ts';
import { CHECKS, DATA, privileged } from './helpers/report-fixtures.ts';

const root = join(import.meta.dirname, '..', '..');
const findings = join(root, 'tests', 'fixtures', 'findings');

interface SarifResult {
  ruleId: string;
  locations?: { physicalLocation: { artifactLocation: { uri: string }; region?: { startLine: number } } }[];
  properties: { risk: { id: string; stage: string; url: string }; sources: { tool: string; ruleId: string }[]; mitigations: string[] };
}
interface SarifLog {
  runs: { tool: { driver: { rules: { id: string; helpUri: string }[] } }; results: SarifResult[]; invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string } }[] }[]; properties: { otherFindings: { ruleId: string }[] } }[];
}

function sarif(): SarifLog {
  const reports = ['trivy.json', 'kubescape.json', 'kube-bench.json'].map((name) => ({ file: name, read: readScannerReport(readFileSync(join(findings, name))) }));
  const model = buildReport({ data: DATA, checks: CHECKS, artifacts: [{ file: 'k8s/deploy.yaml', kind: 'kubernetes' }], bulkheadFindings: [{ finding: privileged(), kind: 'kubernetes' }], scannerReports: reports });
  const document = reportDocument(model, { toolVersion: '1.2.3', knowledgeBase: undefined, artifacts: [{ file: 'k8s/deploy.yaml', kind: 'kubernetes' }], scannerReports: [], errors: [{ file: 'broken.json', message: 'not JSON' }] }, 'https://bulkhead.dev');
  return JSON.parse(formatReportSarif(document)) as SarifLog;
}

describe('bulkhead report --format sarif', () => {
  const log = sarif();
  const [run] = log.runs;

  it('is valid against the SARIF 2.1.0 schema', () => {
    const schema = JSON.parse(readFileSync(join(root, 'tests', 'vendor', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    expect(validate(log), JSON.stringify(validate.errors, null, 2)).toBe(true);
  });

  it('has one result per merged finding, with the risk and the agreeing sources in properties', () => {
    expect(run?.results.map((result) => result.ruleId)).toEqual(['R-1', 'R-2']);
    const [privilegedRow] = run?.results ?? [];
    expect(privilegedRow?.properties.risk).toEqual({ id: 'R-1', title: 'Privileged workloads', severity: 'high', stage: 'orchestration', url: 'https://bulkhead.dev/risks/r-1/' });
    expect(privilegedRow?.properties.sources.map((source) => `${source.tool} ${source.ruleId}`)).toEqual(['bulkhead C-1', 'kubescape C-0057', 'trivy KSV-0017']);
    expect(privilegedRow?.locations?.[0]?.physicalLocation).toEqual({ artifactLocation: { uri: 'k8s/deploy.yaml', uriBaseId: '%SRCROOT%' }, region: { startLine: 21 } });
    expect(run?.tool.driver.rules.map((rule) => rule.helpUri)).toEqual(['https://bulkhead.dev/risks/r-1/', 'https://bulkhead.dev/risks/r-2/']);
  });

  it('keeps the findings outside the risks and reports unreadable inputs', () => {
    expect(run?.properties.otherFindings.map((other) => other.ruleId)).toEqual(['C-0017', '5.2.2', '5.2.3']);
    expect(run?.invocations[0]).toEqual({ executionSuccessful: false, toolExecutionNotifications: [{ level: 'error', message: { text: 'broken.json: not JSON' } }] });
  });
});
