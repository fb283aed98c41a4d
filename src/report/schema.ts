/**
 * The JSON Schema of `bulkhead report --format json` (document.ts), as data: the site publishes
 * it at /report.schema.json (src/pages/report.schema.json.ts) and the tests validate reports
 * against it. Objects are closed (additionalProperties: false) so a field added to the report
 * without the schema fails the test rather than going undocumented.
 */
import { RELATIONS } from '../schemas/mapping.ts';
import { ARTIFACT_KINDS, SCANNERS, SEVERITIES } from '../model/vocabulary.ts';
import { FINDING_FORMATS } from '../linker/link.ts';

type Schema = Record<string, unknown>;

const string: Schema = { type: 'string' };
const count: Schema = { type: 'integer', minimum: 0 };
const line: Schema = { type: 'integer', minimum: 1 };
const url: Schema = { type: 'string', format: 'uri' };
const strings: Schema = { type: 'array', items: string };

/** A closed object whose listed properties are required unless named in `optional`. */
function object(properties: Record<string, Schema>, optional: readonly string[] = [], description?: string): Schema {
  return { type: 'object', ...(description ? { description } : {}), properties, required: Object.keys(properties).filter((key) => !optional.includes(key)), additionalProperties: false };
}

const severity: Schema = { enum: [...SEVERITIES] };
const tool: Schema = { enum: ['bulkhead', ...SCANNERS] };

export const REPORT_SCHEMA_PATH = '/report.schema.json';

export function reportSchema(): Schema {
  return {
    $schema: 'http://json-schema.org/draft-07/schema#',
    $id: REPORT_SCHEMA_PATH,
    title: 'Bulkhead threat-model report',
    description: 'Output of `bulkhead report --format json`: the risks of the knowledge base as they stand in one system, from Bulkhead\'s checks on its artifacts and its scanners\' reports.',
    ...object({
      tool: { const: 'bulkhead' },
      kind: { const: 'threat-model-report' },
      version: { const: 1, description: 'Bumped when a field changes meaning.' },
      toolVersion: string,
      knowledgeBase: { oneOf: [{ type: 'null' }, object({ commit: string, date: string, modified: { type: 'boolean' } })], description: 'The knowledge-base commit the checks and mappings come from.' },
      siteUrl: url,
      inputs: object({
        artifacts: { type: 'array', items: object({ file: string, kind: { enum: [...ARTIFACT_KINDS] } }) },
        scannerReports: { type: 'array', items: object({ file: string, format: { enum: [...FINDING_FORMATS] }, findings: count, rulesRun: count, listsPasses: { type: 'boolean', description: 'The report lists passed results, so rules without findings ran too.' } }) },
        errors: { type: 'array', description: 'Inputs that could not be read; the report is built from the rest.', items: object({ file: string, message: string }) },
      }),
      summary: object({
        present: count,
        notFound: count,
        notAssessed: count,
        findings: count,
        otherFindings: count,
        stages: { type: 'array', items: object({ key: string, title: string, path: string, url, present: count, notFound: count, notAssessed: count }) },
      }),
      mitigations: { type: 'array', description: 'Ranked: the first would address the most present risks and findings, weighted by severity.', items: object({ id: string, title: string, path: string, url, score: { type: 'number', minimum: 0 }, risks: strings, findings: count }) },
      risks: {
        type: 'array',
        description: 'Every risk of the knowledge base, by stage.',
        items: object({ id: string, title: string, severity, stage: string, path: string, url, status: { enum: ['present', 'not-found', 'not-assessed'] }, reason: string, findings: count, detectors: { ...strings, description: 'Checks and scanner rules that ran and can detect the risk.' } }),
      },
      findings: {
        type: 'array',
        description: 'Findings merged per object and risk, with every source that agrees.',
        items: object(
          {
            id: string,
            riskId: string,
            stage: string,
            severity,
            file: string,
            line,
            object: string,
            sources: { type: 'array', minItems: 1, items: object({ tool, ruleId: string, relation: { enum: [...RELATIONS] }, message: string, line, report: string }, ['line', 'report']) },
            mitigations: strings,
          },
          ['file', 'line'],
        ),
      },
      otherFindings: {
        type: 'array',
        description: 'Scanner findings that map to no risk: out of scope, not mapped yet, not catalogued, or left to a person.',
        items: object({ tool: { enum: [...SCANNERS] }, ruleId: string, reason: { enum: ['out-of-scope', 'unmapped', 'uncatalogued', 'manual'] }, explanation: string, message: string, file: string, line, object: string, report: string }, ['file', 'line', 'object']),
      },
    }),
  };
}
