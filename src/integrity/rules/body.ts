import type { Entry } from '../../graph/entries.ts';
import { ENVIRONMENT_LABELS } from '../../model/vocabulary.ts';
import type { IntegrityRule, ProblemDraft } from '../rule.ts';

function headings(body: string, level: number): string[] {
  const marker = '#'.repeat(level);
  return body
    .split('\n')
    .filter((line) => line.startsWith(`${marker} `))
    .map((line) => line.slice(level + 1).trim().toLowerCase());
}

function requiredSections(entry: Entry): { level: number; titles: string[] }[] {
  switch (entry.kind) {
    case 'risks':
      return [{ level: 2, titles: ['Mechanism', 'Preconditions', 'Impact', 'Detection'] }];
    case 'mitigations':
      return [
        { level: 2, titles: ['How to apply', 'Trade-offs'] },
        { level: 3, titles: entry.data.environments.map((environment) => ENVIRONMENT_LABELS[environment]) },
      ];
    case 'incidents':
      return [{ level: 2, titles: ['Mechanism', 'Affected and fixed versions'] }];
    default:
      return [];
  }
}

/** Pages have a fixed anatomy so a reader always finds mechanism, impact and detection in the same place. */
export const requiredBodySections: IntegrityRule = {
  name: 'body-sections',
  description: 'Risks have Mechanism, Preconditions, Impact and Detection; mitigations have How to apply (one sub-section per environment) and Trade-offs; incidents have Mechanism and Affected and fixed versions.',
  run(context) {
    return context.entries.flatMap((entry) =>
      requiredSections(entry).flatMap(({ level, titles }) => {
        const present = headings(entry.body, level);
        return titles
          .filter((title) => !present.includes(title.toLowerCase()))
          .map((title): ProblemDraft => ({ file: entry.file, field: '(body)', value: `${'#'.repeat(level)} ${title}`, message: `missing section "${'#'.repeat(level)} ${title}"`, suggestion: 'see CONTRIBUTING.md, "The anatomy of a risk"' }));
      }),
    );
  },
};

export const diagramText: IntegrityRule = {
  name: 'diagram-alt',
  description: 'Every diagram has a text alternative, and every risk has an attack path.',
  run(context) {
    const problems: ProblemDraft[] = [];
    for (const entry of context.entries) {
      if (entry.kind === 'risks') {
        if (entry.data.attackPath && !entry.data.attackPathAlt) problems.push({ file: entry.file, field: 'attackPathAlt', message: 'the attack path has no text alternative', suggestion: 'describe the path in one or two sentences for screen readers' });
        if (!entry.data.attackPath && !entry.data.deprecated) problems.push({ file: entry.file, field: 'attackPath', line: context.lineOf(entry, ['id']), message: 'every risk needs an attack-path diagram', suggestion: 'add attackPath: a Mermaid flowchart from the attacker’s starting point through the steps to the impact' });
      }
      if (entry.kind === 'concepts' && entry.data.diagram && !entry.data.diagramAlt) problems.push({ file: entry.file, field: 'diagramAlt', message: 'the diagram has no text alternative' });
    }
    return problems;
  },
};
