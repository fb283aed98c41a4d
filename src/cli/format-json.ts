import type { InputProblem } from '../artifacts/artifact.ts';
import type { Finding } from '../rules/finding.ts';
import type { RunSummary } from './summary.ts';

/** Stable machine output: bump `version` when a field changes meaning. */
export function formatJson(findings: readonly Finding[], problems: readonly InputProblem[], summary: RunSummary): string {
  return `${JSON.stringify(
    {
      tool: 'bulkhead',
      version: 1,
      summary,
      findings,
      errors: problems.map((problem) => ({ file: problem.file, line: problem.position?.line, column: problem.position?.column, message: problem.message })),
    },
    null,
    2,
  )}\n`;
}
