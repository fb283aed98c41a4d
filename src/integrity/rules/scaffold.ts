import { SCAFFOLD_MARKER } from '../../scaffold/templates.ts';
import type { IntegrityRule, ProblemDraft } from '../rule.ts';

/** `npm run new` leaves prompts in a new file; it is not content until every prompt is replaced. */
export const unwrittenScaffold: IntegrityRule = {
  name: 'unwritten-scaffold',
  description: `No text written by the scaffolder (${SCAFFOLD_MARKER} prompts) is left in an entry.`,
  run(context) {
    return context.entries.flatMap((entry): ProblemDraft[] => {
      const problems: ProblemDraft[] = [];
      const data = JSON.stringify(entry.data);
      if (data.includes(SCAFFOLD_MARKER)) {
        const field = Object.entries(entry.data).find(([, value]) => JSON.stringify(value ?? '').includes(SCAFFOLD_MARKER))?.[0] ?? '(frontmatter)';
        problems.push({ file: entry.file, field, line: context.lineOf(entry, [field]), message: 'still holds a prompt from npm run new', suggestion: 'replace the {/* bulkhead:write … */} text with the real value' });
      }
      entry.body.split('\n').forEach((text, index) => {
        if (text.includes(SCAFFOLD_MARKER)) problems.push({ file: entry.file, field: '(body)', line: entry.bodyLine + index, value: text.trim().slice(0, 80), message: 'section not written yet', suggestion: 'replace the prompt with the text it asks for' });
      });
      return problems;
    });
  },
};
