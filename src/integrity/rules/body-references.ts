import { ID_MENTION } from '../../model/id-mentions.ts';
import type { IntegrityRule, ProblemDraft } from '../rule.ts';
import { didYouMean } from '../suggest.ts';

/** IDs written in prose become links; each must name an entry so that no link is dead. */
export const bodyReferences: IntegrityRule = {
  name: 'body-reference',
  description: 'Every Bulkhead ID mentioned in an MDX body names an existing entry.',
  run(context) {
    const known = context.graph.allPagedEntries().map((entry) => entry.data.id);
    const knownSet = new Set(known);
    return context.entries.flatMap((entry) =>
      entry.body.split('\n').flatMap((text, index): ProblemDraft[] =>
        [...text.matchAll(ID_MENTION)]
          .filter((match) => !knownSet.has(match[0]))
          .map((match) => ({ file: entry.file, field: '(body)', value: match[0], line: entry.bodyLine + index, message: `mentions ${match[0]}, which no entry has`, suggestion: didYouMean(match[0], known, 'write the ID of an existing entry') })),
      ),
    );
  },
};
