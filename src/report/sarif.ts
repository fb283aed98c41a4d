/**
 * `bulkhead report --format sarif`: one result per merged finding (an object and a risk), its rule
 * the risk, and the risk, its stage, the sources that agree and the mitigations that would remove
 * it in `properties`, so code scanning shows the threat model's rows with their provenance. The
 * findings outside the risks go into the run's properties, never dropped; unreadable inputs are
 * notifications of a failed invocation, as in `bulkhead check`.
 */
import { artifactUri } from '../cli/format-sarif.ts';
import type { Severity } from '../model/vocabulary.ts';
import { SCANNER_LABELS } from '../model/vocabulary.ts';
import type { ReportDocument } from './document.ts';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
/** GitHub sorts security alerts by this (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0), as format-sarif.ts writes it. */
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

export function formatReportSarif(document: ReportDocument): string {
  const risks = document.risks.filter((risk) => risk.status === 'present');
  const ruleIndex = new Map(risks.map((risk, index) => [risk.id, index]));
  const byId = new Map(risks.map((risk) => [risk.id, risk]));
  const stageTitle = new Map(document.summary.stages.map((stage) => [stage.key, stage.title]));
  const label = (tool: string, ruleId: string) => (tool === 'bulkhead' ? ruleId : `${SCANNER_LABELS[tool as keyof typeof SCANNER_LABELS]} ${ruleId}`);
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bulkhead',
            informationUri: document.siteUrl,
            semanticVersion: document.toolVersion,
            rules: risks.map((risk) => ({
              id: risk.id,
              name: risk.id.replace(/-/g, ''),
              shortDescription: { text: risk.title },
              fullDescription: { text: `${risk.title} (${stageTitle.get(risk.stage) ?? risk.stage} stage, ${risk.severity}).` },
              helpUri: risk.url,
              help: { text: `${risk.title}: ${risk.url}`, markdown: `[${risk.id} on Bulkhead](${risk.url})` },
              defaultConfiguration: { level: LEVEL[risk.severity] },
              properties: { tags: ['security', 'threat-model', risk.stage], 'security-severity': SECURITY_SEVERITY[risk.severity], stage: risk.stage },
            })),
          },
        },
        invocations: [
          {
            executionSuccessful: document.inputs.errors.length === 0,
            toolExecutionNotifications: document.inputs.errors.map((error) => ({ level: 'error', message: { text: `${error.file}: ${error.message}` } })),
          },
        ],
        results: document.findings.map((finding) => {
          const risk = byId.get(finding.riskId);
          const sources = finding.sources.map((source) => label(source.tool, source.ruleId));
          return {
            ruleId: finding.riskId,
            ruleIndex: ruleIndex.get(finding.riskId) ?? 0,
            level: LEVEL[finding.severity],
            message: { text: `${finding.object}: ${risk?.title ?? finding.riskId}. Found by ${sources.join(', ')}. ${risk?.url ?? ''}`.trim() },
            ...(finding.file
              ? { locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(finding.file), uriBaseId: '%SRCROOT%' }, ...(finding.line ? { region: { startLine: finding.line } } : {}) } }] }
              : {}),
            partialFingerprints: { 'bulkhead-report/v1': finding.id },
            properties: {
              risk: { id: finding.riskId, title: risk?.title ?? finding.riskId, severity: finding.severity, stage: finding.stage, url: risk?.url ?? '' },
              object: finding.object,
              sources: finding.sources,
              mitigations: finding.mitigations,
            },
          };
        }),
        properties: { summary: { present: document.summary.present, notFound: document.summary.notFound, notAssessed: document.summary.notAssessed }, otherFindings: document.otherFindings },
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
