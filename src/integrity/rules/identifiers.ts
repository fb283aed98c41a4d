import { normalizeQuery } from '../../search/lookup.ts';
import type { IntegrityRule, ProblemDraft } from '../rule.ts';

/**
 * The ID search sends an identifier to the one concept that owns it, so two concepts cannot
 * claim the same name, and a concept cannot claim another entry's ID or a stage name.
 */
export const duplicateIdentifier: IntegrityRule = {
  name: 'duplicate-identifier',
  description: 'Each identifier listed by a concept is owned by that concept alone and is not another entry’s ID or a stage key.',
  run(context) {
    const problems: ProblemDraft[] = [];
    const reserved = new Map<string, string>();
    for (const entry of context.graph.allPagedEntries()) {
      reserved.set(normalizeQuery(entry.data.id), entry.data.id);
      if (entry.kind === 'stages') reserved.set(normalizeQuery(entry.data.key), `stage ${entry.data.key}`);
    }
    const owners = new Map<string, string>();
    for (const concept of context.graph.concepts) {
      concept.data.identifiers.forEach((identifier, index) => {
        const key = normalizeQuery(identifier);
        const line = context.lineOf(concept, ['identifiers', index]);
        const clash = reserved.get(key);
        if (clash) {
          problems.push({ file: concept.file, field: `identifiers[${index}]`, value: identifier, line, message: `${JSON.stringify(identifier)} is already ${clash}`, suggestion: 'remove it: search already finds that entry' });
          return;
        }
        const owner = owners.get(key);
        if (owner && owner !== concept.data.id) problems.push({ file: concept.file, field: `identifiers[${index}]`, value: identifier, line, message: `${JSON.stringify(identifier)} is also claimed by ${owner}`, suggestion: 'keep it on the one concept that explains it best' });
        else owners.set(key, concept.data.id);
      });
    }
    return problems;
  },
};
