import type { CollectionName } from '../model/vocabulary.ts';
import { COLLECTIONS } from '../model/vocabulary.ts';
import { formatAnnotation, formatProblem, type Problem } from './problem.ts';

/** Problems as a contributor reads them: grouped by file, each on one line, then a count. */
export function renderReport(problems: readonly Problem[], options: { annotations: boolean }): string {
  const lines: string[] = [];
  const sorted = [...problems].sort((a, b) => a.file.localeCompare(b.file) || (a.line ?? 0) - (b.line ?? 0));
  for (const problem of sorted) lines.push(formatProblem(problem));
  if (options.annotations) for (const problem of sorted) lines.push(formatAnnotation(problem));
  return lines.join('\n');
}

export function renderCounts(counts: Record<CollectionName, number>): string {
  return COLLECTIONS.map((name) => `${counts[name]} ${name}`).join(', ');
}
