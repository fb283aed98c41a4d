import type { Entry, IdEntry } from '../../graph/entries.ts';
import { COLLECTION_LABELS } from '../../model/vocabulary.ts';
import type { RuleContext } from '../context.ts';
import type { IntegrityRule, ProblemDraft } from '../rule.ts';
import { didYouMean } from '../suggest.ts';

interface ReferenceField {
  field: string;
  expected: IdEntry['kind'];
  ids: readonly string[];
}

function referenceFields(entry: Entry): ReferenceField[] {
  if (entry.kind === 'sources') return [];
  const fields: ReferenceField[] = [
    { field: 'concepts', expected: 'concepts', ids: entry.data.concepts },
    { field: 'incidents', expected: 'incidents', ids: entry.data.incidents },
  ];
  if (entry.kind === 'risks') fields.push({ field: 'mitigations', expected: 'mitigations', ids: entry.data.mitigations });
  if (entry.kind === 'mitigations') fields.push({ field: 'checks', expected: 'checks', ids: entry.data.checks });
  return fields;
}

function describeUnknown(context: RuleContext, value: string, expected: IdEntry['kind']): { message: string; suggestion?: string } {
  const noun = COLLECTION_LABELS[expected].singular.toLowerCase();
  const viaAlias = context.graph.resolveIdOrAlias(value);
  if (viaAlias && viaAlias.kind === expected) {
    return { message: `${JSON.stringify(value)} is an old alias of ${noun} ${viaAlias.data.id}`, suggestion: `use the current ID ${JSON.stringify(viaAlias.data.id)}` };
  }
  const other = context.graph.entryById(value);
  if (other) return { message: `${JSON.stringify(value)} is a ${COLLECTION_LABELS[other.kind].singular.toLowerCase()}, not a ${noun}` };
  const candidates = context.graph.idEntries().filter((entry) => entry.kind === expected).map((entry) => entry.data.id);
  return { message: `unknown ${noun} ${JSON.stringify(value)}`, suggestion: didYouMean(value, candidates, `known ${COLLECTION_LABELS[expected].plural.toLowerCase()} look like ${candidates[0] ?? 'none yet'}`) };
}

export const unknownReference: IntegrityRule = {
  name: 'unknown-reference',
  description: 'Every mitigation, check, concept, incident and replacement an entry links to exists and is of the right type.',
  run(context) {
    const problems: ProblemDraft[] = [];
    for (const entry of context.entries) {
      for (const { field, expected, ids } of referenceFields(entry)) {
        ids.forEach((id, index) => {
          const target = context.graph.entryById(id);
          if (target?.kind === expected) return;
          problems.push({ file: entry.file, field: `${field}[${index}]`, value: id, line: context.lineOf(entry, [field, index]), ...describeUnknown(context, id, expected) });
        });
      }
      if (entry.kind !== 'sources' && entry.data.deprecated?.replacedBy) {
        const replacedBy = entry.data.deprecated.replacedBy;
        if (!context.graph.entryById(replacedBy)) {
          problems.push({ file: entry.file, field: 'deprecated.replacedBy', value: replacedBy, line: context.lineOf(entry, ['deprecated', 'replacedBy']), ...describeUnknown(context, replacedBy, entry.kind) });
        }
      }
    }
    return problems;
  },
};
