import type { InputProblem } from '../artifacts/artifact.ts';
import type { Finding } from '../rules/finding.ts';
import type { RunSummary } from './summary.ts';

/**
 * The JSON report, written as the run goes: `{ tool, version, findings, summary, errors }`, one
 * compact line per finding (still one JSON document, easy to read and to grep). Findings come
 * first because the summary is known only at the end; bump `version` when a field changes
 * meaning. Indenting every field tripled the size of a large report and most of its run time.
 */
export class JsonReportWriter {
  #count = 0;
  readonly #write: (chunk: string) => void;

  constructor(write: (chunk: string) => void) {
    this.#write = write;
    write('{\n  "tool": "bulkhead",\n  "version": 1,\n  "findings": [');
  }

  findings(list: readonly Finding[]): void {
    if (list.length === 0) return;
    const lines: string[] = [];
    for (const finding of list) lines.push(`${this.#count++ === 0 ? '' : ','}\n    ${JSON.stringify(finding)}`);
    this.#write(lines.join(''));
  }

  end(problems: readonly InputProblem[], summary: RunSummary): void {
    const errors = problems.map((problem) => ({ file: problem.file, line: problem.position?.line, column: problem.position?.column, message: problem.message }));
    this.#write(`${this.#count > 0 ? '\n  ' : ''}],\n  "summary": ${JSON.stringify(summary)},\n  "errors": ${JSON.stringify(errors)}\n}\n`);
  }
}

/** The whole report as one string, for callers that hold all findings anyway (tests, the package build). */
export function formatJson(findings: readonly Finding[], problems: readonly InputProblem[], summary: RunSummary): string {
  let text = '';
  const writer = new JsonReportWriter((chunk) => (text += chunk));
  writer.findings(findings);
  writer.end(problems, summary);
  return text;
}
