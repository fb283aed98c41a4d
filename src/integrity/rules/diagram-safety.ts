import { collectDiagrams } from '../../diagrams/collect.ts';
import type { IntegrityRule, ProblemDraft } from '../rule.ts';

/**
 * Mermaid can turn a diagram source into markup: HTML in labels, `click` lines that add links
 * or callbacks, `%%{init}%%` directives that lower its security level, and URLs. A diagram in
 * Bulkhead is boxes, arrows and words, so each of these is refused, with the line it is on.
 */
const UNSAFE: { pattern: RegExp; what: string }[] = [
  { pattern: /%%\s*\{/, what: 'an init directive (%%{ … }%%) changes Mermaid settings, including its security level' },
  { pattern: /^\s*click\s/im, what: 'a click line adds a link or a script callback to a node' },
  { pattern: /<(?!br\s*\/?>)\/?[a-z!?][^>]*>/i, what: 'HTML in a label; only <br> is allowed' },
  { pattern: /\b(?:href|src)\s*=/i, what: 'a link or source attribute' },
  { pattern: /\b(?:javascript|vbscript|data)\s*:/i, what: 'a URL scheme that can run code' },
  { pattern: /https?:\/\//i, what: 'a URL: a diagram label is text, put links in the body' },
];

export const diagramSafety: IntegrityRule = {
  name: 'diagram-safety',
  description: 'Diagram sources hold boxes, arrows and plain-text labels: no HTML (except <br>), click lines, init directives or URLs.',
  run(context) {
    const problems: ProblemDraft[] = [];
    const byFile = new Map(context.entries.map((entry) => [entry.file, entry]));
    for (const diagram of collectDiagrams(context.entries)) {
      const entry = byFile.get(diagram.file);
      const fieldLine = entry ? context.lineOf(entry, [diagram.field]) : undefined;
      diagram.source.split('\n').forEach((text, index) => {
        for (const { pattern, what } of UNSAFE) {
          const match = pattern.exec(text);
          if (!match) continue;
          problems.push({ file: diagram.file, field: diagram.field, value: match[0], line: fieldLine === undefined ? undefined : fieldLine + 1 + index, message: `the diagram holds ${what}`, suggestion: 'write labels as plain text; escape a literal < as #lt; and > as #gt;' });
        }
      });
    }
    return problems;
  },
};
