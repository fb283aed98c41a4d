/**
 * The report as one JSON document: the model with absolute page URLs and what was read. The JSON
 * output is this document, and the HTML and SARIF writers render it, so all three say the same.
 * Bump `version` when a field changes meaning; schema.ts describes it.
 */
import type { KnowledgeBaseSource } from '../cli/knowledge-base.ts';
import { absoluteUrl } from '../model/urls.ts';
import type { ReportFinding, MitigationRow, OtherFinding, ReportModel, RiskRow, StageRow } from './model.ts';
import type { FindingFormat } from '../linker/link.ts';
import type { ArtifactRead } from './model.ts';

export interface ReportMeta {
  toolVersion: string;
  knowledgeBase: KnowledgeBaseSource | undefined;
  artifacts: readonly ArtifactRead[];
  scannerReports: readonly { file: string; format: FindingFormat; findings: number; rulesRun: number; listsPasses: boolean }[];
  errors: readonly { file: string; message: string }[];
}

export interface ReportDocument {
  tool: 'bulkhead';
  kind: 'threat-model-report';
  version: 1;
  toolVersion: string;
  knowledgeBase: KnowledgeBaseSource | null;
  siteUrl: string;
  inputs: {
    artifacts: ArtifactRead[];
    scannerReports: ReportMeta['scannerReports'][number][];
    errors: { file: string; message: string }[];
  };
  summary: { present: number; notFound: number; notAssessed: number; findings: number; otherFindings: number; stages: (StageRow & { url: string })[] };
  mitigations: (MitigationRow & { url: string })[];
  risks: (RiskRow & { url: string })[];
  findings: ReportFinding[];
  otherFindings: OtherFinding[];
}

export function reportDocument(model: ReportModel, meta: ReportMeta, siteUrl: string): ReportDocument {
  const count = (status: RiskRow['status']) => model.risks.filter((risk) => risk.status === status).length;
  return {
    tool: 'bulkhead',
    kind: 'threat-model-report',
    version: 1,
    toolVersion: meta.toolVersion,
    knowledgeBase: meta.knowledgeBase ?? null,
    siteUrl,
    inputs: { artifacts: [...meta.artifacts], scannerReports: [...meta.scannerReports], errors: [...meta.errors] },
    summary: {
      present: count('present'),
      notFound: count('not-found'),
      notAssessed: count('not-assessed'),
      findings: model.findings.length,
      otherFindings: model.otherFindings.length,
      stages: model.stages.map((stage) => ({ ...stage, url: absoluteUrl(stage.path) })),
    },
    mitigations: model.mitigations.map((row) => ({ ...row, url: absoluteUrl(row.path) })),
    risks: model.risks.map((row) => ({ ...row, url: absoluteUrl(row.path) })),
    findings: model.findings,
    otherFindings: model.otherFindings,
  };
}

/**
 * The document as pieces of JSON text: indented, except the findings, one compact line each and
 * one piece each, so a report with 100,000 findings is written as it goes, never as one string.
 */
export function* formatReportJson(document: ReportDocument): Generator<string> {
  const { findings, otherFindings, ...head } = document;
  const opened = JSON.stringify(head, null, 2);
  yield `${opened.slice(0, opened.lastIndexOf('}')).trimEnd()},\n  "findings": [`;
  for (let index = 0; index < findings.length; index++) yield `${index === 0 ? '\n' : ',\n'}    ${JSON.stringify(findings[index])}`;
  yield `${findings.length > 0 ? '\n  ' : ''}],\n  "otherFindings": [`;
  for (let index = 0; index < otherFindings.length; index++) yield `${index === 0 ? '\n' : ',\n'}    ${JSON.stringify(otherFindings[index])}`;
  yield `${otherFindings.length > 0 ? '\n  ' : ''}]\n}\n`;
}
