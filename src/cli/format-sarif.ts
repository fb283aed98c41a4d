import { sep } from 'node:path';
import type { InputProblem } from '../artifacts/artifact.ts';
import { siteUrl } from '../model/urls.ts';
import type { Severity } from '../model/vocabulary.ts';
import type { CheckMetadata } from '../rules/engine.ts';
import type { Finding } from '../rules/finding.ts';
import type { RunSummary } from './summary.ts';

/**
 * SARIF 2.1.0 for GitHub code scanning and other SARIF viewers. `security-severity` is the
 * property GitHub sorts security alerts by (critical ≥ 9.0, high ≥ 7.0, medium ≥ 4.0).
 */
const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { critical: 'error', high: 'error', medium: 'warning', low: 'note' };
const SECURITY_SEVERITY: Record<Severity, string> = { critical: '9.5', high: '8.0', medium: '5.5', low: '3.0' };

/**
 * The file as an RFC 3986 relative reference: each path segment percent-encoded, `/` kept.
 * encodeURI left `#` and `?` alone, so `a#b.yaml` pointed at `a` with a fragment; a first segment
 * with `:` would read as a scheme. Only Windows paths use `\` as a separator; elsewhere it is a
 * character of the name.
 */
export function artifactUri(file: string): string {
  if (file === '<stdin>') return 'stdin';
  const segments = sep === '\\' ? file.split(/[\\/]/) : file.split('/');
  // toWellFormed: a lone surrogate would make encodeURIComponent throw.
  return segments.map((segment) => encodeURIComponent(segment.toWellFormed())).join('/');
}

function ruleOf(data: CheckMetadata) {
  return {
    id: data.id,
    name: data.id.replace(/-/g, ''),
    shortDescription: { text: data.title },
    fullDescription: { text: `${data.summary} Verifies: ${data.verifies}` },
    helpUri: data.url,
    help: {
      text: `${data.verifies}\n\nVerify on a live system:\n${data.command}\nPass: ${data.expected.pass}\n\nMore: ${data.url}`,
      markdown: `${data.verifies}\n\nVerify on a live system:\n\n\`\`\`sh\n${data.command.trimEnd()}\n\`\`\`\n\nPass: ${data.expected.pass}\n\n[${data.id} on Bulkhead](${data.url})`,
    },
    defaultConfiguration: { level: LEVEL[data.severity] },
    properties: {
      tags: ['security', 'container', ...data.environments],
      precision: 'high',
      'security-severity': SECURITY_SEVERITY[data.severity],
      risks: data.riskIds,
      scannerRules: data.scannerRules,
    },
  };
}

/** A note (not an error) that objects were read which no rule judges, so a clean run is not read as a full one. */
function withoutRulesNotification(summary: RunSummary | undefined) {
  const tally = summary?.objectsWithoutRules;
  if (!tally) return [];
  const kinds = Object.entries(tally.kinds).map(([kind, count]) => `${kind} (${count})`).join(', ');
  return [{ level: 'note', message: { text: `${tally.count} object${tally.count === 1 ? '' : 's'} of kinds without rules were read and not checked: ${kinds}` }, properties: { objectsWithoutRules: tally } }];
}

export function formatSarif(findings: readonly Finding[], problems: readonly InputProblem[], checks: readonly CheckMetadata[], version: string, summary?: RunSummary): string {
  const ruleIndex = new Map(checks.map((automated, index) => [automated.id, index]));
  const region = (line: number | undefined, column: number | undefined) => (line ? { region: { startLine: line, startColumn: column ?? 1 } } : {});
  const sarif = {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'bulkhead',
            informationUri: siteUrl(),
            semanticVersion: version,
            rules: checks.map(ruleOf),
          },
        },
        invocations: [
          {
            executionSuccessful: problems.length === 0,
            toolExecutionNotifications: [
              ...problems.map((problem) => ({
                level: 'error',
                message: { text: problem.message },
                locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(problem.file), uriBaseId: '%SRCROOT%' }, ...region(problem.position?.line, problem.position?.column) } }],
              })),
              ...withoutRulesNotification(summary),
            ],
          },
        ],
        results: findings.map((finding) => ({
          ruleId: finding.checkId,
          ruleIndex: ruleIndex.get(finding.checkId) ?? 0,
          level: LEVEL[finding.severity],
          message: { text: `${finding.message} (${finding.object}). ${finding.checkTitle}: ${finding.url}` },
          locations: [{ physicalLocation: { artifactLocation: { uri: artifactUri(finding.file), uriBaseId: '%SRCROOT%' }, ...region(finding.line, finding.column) } }],
          partialFingerprints: { 'bulkhead/v1': `${finding.checkId}:${finding.file}:${finding.object}:${finding.message}` },
          properties: { severity: finding.severity, risks: finding.riskIds, scannerRules: finding.scannerRules, scannerRelations: finding.scannerRelations },
        })),
      },
    ],
  };
  return `${JSON.stringify(sarif, null, 2)}\n`;
}
