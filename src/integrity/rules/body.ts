import type { Entry } from '../../graph/entries.ts';
import { ENVIRONMENT_LABELS } from '../../model/vocabulary.ts';
import type { IntegrityRule, ProblemDraft } from '../rule.ts';

const FENCE = /^\s*(```|~~~)/;

/** The body's lines outside fenced code blocks, with their index: a `# comment` in a shell example is not a heading. */
function proseLines(body: string): { line: string; index: number }[] {
  let fenced = false;
  return body.split('\n').flatMap((line, index) => {
    if (FENCE.test(line)) {
      fenced = !fenced;
      return [];
    }
    return fenced ? [] : [{ line, index }];
  });
}

function headings(body: string, level: number): string[] {
  const marker = '#'.repeat(level);
  return proseLines(body)
    .filter(({ line }) => line.startsWith(`${marker} `))
    .map(({ line }) => line.slice(level + 1).trim().toLowerCase());
}

/** A section: the index of its heading line and its text up to the next heading of the same or a higher level. */
function findSection(body: string, level: number, title: string): { index: number; text: string } | undefined {
  const depth = (line: string): number => /^(#+) /.exec(line)?.[1]?.length ?? Infinity;
  const prose = proseLines(body);
  const start = prose.find(({ line }) => depth(line) === level && line.slice(level + 1).trim().toLowerCase() === title.toLowerCase());
  if (!start) return undefined;
  const end = prose.find(({ line, index }) => index > start.index && depth(line) <= level);
  return { index: start.index, text: body.split('\n').slice(start.index + 1, end?.index).join('\n') };
}

/** Every concept page has a section of commands that show its mechanism on a running system. */
const INSPECT_SECTION = 'Inspect it';
const INSPECT_FENCES = '```sh or ```console';
const INSPECT_BLOCK = /^\s*(`{3,}|~{3,})\s*(sh|console)\b/m;
const INSPECT_SUGGESTION = `add "## ${INSPECT_SECTION}" with a ${INSPECT_FENCES} block of commands that show the mechanism on a running host or container`;

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
    case 'concepts':
      return [{ level: 2, titles: [INSPECT_SECTION] }];
    default:
      return [];
  }
}

/** Pages have a fixed anatomy so a reader always finds mechanism, impact and detection in the same place. */
export const requiredBodySections: IntegrityRule = {
  name: 'body-sections',
  description: 'Risks have Mechanism, Preconditions, Impact and Detection; mitigations have How to apply (one sub-section per environment) and Trade-offs; incidents have Mechanism and Affected and fixed versions; concepts have Inspect it.',
  run(context) {
    return context.entries.flatMap((entry) =>
      requiredSections(entry).flatMap(({ level, titles }) => {
        const present = headings(entry.body, level);
        return titles
          .filter((title) => !present.includes(title.toLowerCase()))
          .map((title): ProblemDraft => ({ file: entry.file, field: '(body)', value: `${'#'.repeat(level)} ${title}`, message: `missing section "${'#'.repeat(level)} ${title}"`, suggestion: entry.kind === 'concepts' ? INSPECT_SUGGESTION : 'see CONTRIBUTING.md, "The anatomy of a risk"' }));
      }),
    );
  },
};

/** A missing section is body-sections' problem; this rule asks what the section must hold. */
export const inspectCommands: IntegrityRule = {
  name: 'inspect-commands',
  description: `Every concept's "## ${INSPECT_SECTION}" section holds a fenced ${INSPECT_FENCES} block, so a reader can see the mechanism for themselves.`,
  run(context) {
    return context.entries.flatMap((entry): ProblemDraft[] => {
      const section = entry.kind === 'concepts' ? findSection(entry.body, 2, INSPECT_SECTION) : undefined;
      if (!section || INSPECT_BLOCK.test(section.text)) return [];
      return [{ file: entry.file, field: '(body)', value: `## ${INSPECT_SECTION}`, line: entry.bodyLine + section.index, message: `section "## ${INSPECT_SECTION}" has no fenced ${INSPECT_FENCES} code block`, suggestion: INSPECT_SUGGESTION }];
    });
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
