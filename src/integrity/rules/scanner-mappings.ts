import type { IntegrityRule, ProblemDraft } from '../rule.ts';
import { SCANNER_LABELS } from '../../model/vocabulary.ts';
import { didYouMean } from '../suggest.ts';

/**
 * Each answer in content/mappings/ points at entries that exist, says what differs when the
 * scanner does not check the same thing, and is either mapped or out of scope, never both.
 */
export const scannerMappings: IntegrityRule = {
  name: 'scanner-mappings',
  description: 'Every scanner-rule answer names existing checks (with a relation, and a difference unless same) or risks/mitigations, or gives an out-of-scope reason, never both.',
  run({ graph }) {
    const problems: ProblemDraft[] = [];
    const checkIds = graph.checks.map((check) => check.data.id);
    const relatedIds = [...graph.risks, ...graph.mitigations].map((entry) => entry.data.id);
    for (const answer of graph.answers) {
      const label = `${answer.rule.scanner}.${answer.rule.id}`;
      const mapped = answer.checks.length + answer.related.length > 0;
      if (answer.outOfScope !== undefined && mapped) {
        problems.push({ file: answer.file, field: `${label}.outOfScope`, line: answer.lineOf(['outOfScope']), message: `${SCANNER_LABELS[answer.rule.scanner]} ${answer.rule.id} is both mapped and out of scope`, suggestion: 'keep the mapping and remove outOfScope, or the reverse' });
      }
      if (answer.outOfScope === undefined && !mapped) {
        problems.push({ file: answer.file, field: label, line: answer.line, message: `${SCANNER_LABELS[answer.rule.scanner]} ${answer.rule.id} has an empty answer`, suggestion: 'add checks, related or outOfScope' });
      }
      answer.checks.forEach((mapping, index) => {
        const field = `${label}.checks[${index}]`;
        const entry = graph.entryById(mapping.id);
        if (entry?.kind !== 'checks') {
          problems.push({ file: answer.file, field: `${field}.id`, value: mapping.id, line: answer.lineOf(['checks', index, 'id']), message: entry ? `${mapping.id} is a ${entry.kind.replace(/s$/, '')}, not a check` : `${JSON.stringify(mapping.id)} is not a check`, suggestion: entry ? `list it under related` : didYouMean(mapping.id, checkIds) });
        }
        if (mapping.relation !== 'same' && mapping.difference === undefined) {
          problems.push({ file: answer.file, field: `${field}.difference`, value: mapping.relation, line: answer.lineOf(['checks', index, 'relation']), message: `relation ${mapping.relation} needs a difference: one sentence, starting with the scanner rule, that says what it flags differently from ${mapping.id}` });
        }
      });
      answer.related.forEach((id, index) => {
        const entry = graph.entryById(id);
        if (entry?.kind !== 'risks' && entry?.kind !== 'mitigations') {
          problems.push({ file: answer.file, field: `${label}.related[${index}]`, value: id, line: answer.lineOf(['related', index]), message: entry ? `${id} is a ${entry.kind.replace(/s$/, '')}; related takes risks and mitigations` : `${JSON.stringify(id)} is not a risk or mitigation`, suggestion: entry?.kind === 'checks' ? 'list it under checks with a relation' : didYouMean(id, relatedIds) });
        }
      });
    }
    return problems;
  },
};
