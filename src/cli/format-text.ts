import type { InputProblem } from '../artifacts/artifact.ts';
import { SEVERITIES, type Severity } from '../model/vocabulary.ts';
import type { Finding } from '../rules/finding.ts';
import type { ObjectsWithoutRules, RunSummary } from './summary.ts';
import { printable } from './printable.ts';
import { describeRelations } from './relations.ts';

export interface Paint {
  severity(severity: Severity, text: string): string;
  dim(text: string): string;
  bold(text: string): string;
}

const ESC = '\u001b[';
const SEVERITY_COLOURS: Record<Severity, string> = { critical: '1;31', high: '31', medium: '33', low: '36' };

export function paint(enabled: boolean): Paint {
  const wrap = (code: string, text: string) => (enabled ? `${ESC}${code}m${text}${ESC}0m` : text);
  return {
    severity: (severity, text) => wrap(SEVERITY_COLOURS[severity], text),
    dim: (text) => wrap('2', text),
    bold: (text) => wrap('1', text),
  };
}

export function formatProblem(problem: InputProblem): string {
  const file = printable(problem.file);
  const where = problem.position ? `${file}:${problem.position.line}:${problem.position.column}` : file;
  return `error: ${where}: ${printable(problem.message)}`;
}

/** Kinds shown by name in the summary line; the count covers all of them. */
const KINDS_SHOWN = 5;

/** "3 objects of kinds without rules: Kustomization, VerticalPodAutoscaler", most frequent kind first. */
function describeObjectsWithoutRules({ count, kinds }: ObjectsWithoutRules): string {
  const names = Object.entries(kinds).sort(([a, countA], [b, countB]) => countB - countA || a.localeCompare(b)).map(([kind]) => kind);
  const shown = names.slice(0, KINDS_SHOWN).map(printable).join(', ') + (names.length > KINDS_SHOWN ? ', …' : '');
  return `${count} object${count === 1 ? '' : 's'} of kinds without rules: ${shown}`;
}

/** Findings grouped by file, each with its position, check, severity, message and page. */
export function formatText(findings: readonly Finding[], summary: RunSummary, colours: Paint): string {
  const lines: string[] = [];
  // Not Map.groupBy: the npm package runs on Node 20, which does not have it.
  const byFile = new Map<string, Finding[]>();
  for (const finding of findings) {
    const list = byFile.get(finding.file);
    if (list) list.push(finding);
    else byFile.set(finding.file, [finding]);
  }
  for (const [file, list] of byFile) {
    lines.push(colours.bold(printable(file)));
    for (const finding of list) {
      const where = finding.line ? `${finding.line}:${finding.column ?? 1}` : '-';
      const scanners = describeRelations(finding.scannerRelations);
      lines.push(`  ${where.padEnd(7)} ${colours.severity(finding.severity, finding.severity.padEnd(8))} ${finding.checkId}  ${printable(finding.message)} ${colours.dim(`(${printable(finding.object)})`)}`);
      lines.push(`  ${' '.repeat(7)} ${' '.repeat(8)} ${colours.dim(`${finding.url}  risk ${finding.riskIds.join(', ') || '-'}${scanners ? `  ${scanners}` : ''}`)}`);
    }
    lines.push('');
  }
  const counts = SEVERITIES.map((severity) => [severity, findings.filter((finding) => finding.severity === severity).length] as const).filter(([, count]) => count > 0);
  const tally = counts.length > 0 ? ` (${counts.map(([severity, count]) => `${count} ${severity}`).join(', ')})` : '';
  lines.push(
    `${findings.length} finding${findings.length === 1 ? '' : 's'}${tally} in ${summary.filesChecked} file${summary.filesChecked === 1 ? '' : 's'} checked` +
      `${summary.filesSkipped ? `, ${summary.filesSkipped} skipped (not a container artifact)` : ''}` +
      `${summary.inputErrors ? `, ${summary.inputErrors} input error${summary.inputErrors === 1 ? '' : 's'}` : ''}` +
      `${summary.objectsWithoutRules ? `, ${describeObjectsWithoutRules(summary.objectsWithoutRules)}` : ''}; ${summary.checksRun} automated checks`,
  );
  return `${lines.join('\n')}\n`;
}
