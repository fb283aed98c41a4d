/** One thing wrong with the content, precise enough to fix without reading the code. */
export interface Problem {
  /** Name of the rule that found it, e.g. "unknown-reference". */
  rule: string;
  /** File relative to the repository root. */
  file: string;
  /** Field path as written in frontmatter, e.g. "mitigations[2]"; "(body)" for the MDX body. */
  field: string;
  /** The offending value, if there is one. */
  value?: string;
  message: string;
  /** What would be accepted instead. */
  suggestion?: string;
  /** 1-based line in the file, when known. */
  line?: number;
}

export function fieldPath(path: readonly PropertyKey[]): string {
  return path.reduce<string>((text, key) => (typeof key === 'number' ? `${text}[${key}]` : text ? `${text}.${String(key)}` : String(key)), '');
}

export function formatProblem(problem: Problem): string {
  const where = problem.line ? `${problem.file}:${problem.line}` : problem.file;
  const suggestion = problem.suggestion ? ` (${problem.suggestion})` : '';
  return `${where}: ${problem.field}: ${problem.message}${suggestion} [${problem.rule}]`;
}

/** GitHub Actions workflow command, so the error shows on the changed line of a pull request. */
export function formatAnnotation(problem: Problem): string {
  const escapeData = (text: string): string => text.replaceAll('%', '%25').replaceAll('\r', '%0D').replaceAll('\n', '%0A');
  const escapeProperty = (text: string): string => escapeData(text).replaceAll(':', '%3A').replaceAll(',', '%2C');
  const line = problem.line ? `,line=${problem.line}` : '';
  const suggestion = problem.suggestion ? ` (${problem.suggestion})` : '';
  return `::error file=${escapeProperty(problem.file)}${line},title=${escapeProperty(`Bulkhead ${problem.rule}`)}::${escapeData(`${problem.field}: ${problem.message}${suggestion}`)}`;
}
