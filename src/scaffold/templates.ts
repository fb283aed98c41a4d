import { stringify } from 'yaml';
import { ENVIRONMENT_LABELS, type Environment } from '../model/vocabulary.ts';

/** Marks text the contributor still has to write; the integrity check rejects it until they do. */
export const SCAFFOLD_MARKER = 'bulkhead:write';

const prompt = (what: string): string => `{/* ${SCAFFOLD_MARKER}: ${what} */}`;

function frontmatter(data: Record<string, unknown>): string {
  return `---\n${stringify(data, { lineWidth: 0 }).trimEnd()}\n---\n`;
}

export interface ScaffoldInput {
  id: string;
  title: string;
  summary: string;
  today: string;
  cite: string;
  links: string[];
  stage?: string;
  severity?: string;
  environments?: Environment[];
  area?: string;
  cve?: string;
  component?: string;
}

const base = (input: ScaffoldInput) => ({ id: input.id, title: input.title, summary: input.summary, updated: input.today });
const citations = (input: ScaffoldInput) => [{ source: input.cite }];

export const TEMPLATES = {
  risk: (input: ScaffoldInput) =>
    frontmatter({
      ...base(input),
      stage: input.stage,
      severity: input.severity,
      mitigations: input.links,
      frameworks: { nist: [], attack: [], msK8s: [], owaspK8s: [] },
      citations: citations(input),
      attackPath: 'flowchart LR\n  A["Attacker starting point"] --> B["Step"] --> C["Impact"]\n',
      attackPathAlt: `${prompt('one sentence describing the attack path for screen readers')}`,
    }) +
    ['Mechanism', 'Preconditions', 'Impact', 'Detection'].map((section) => `\n## ${section}\n\n${prompt(`the ${section.toLowerCase()} of this risk`)}\n`).join(''),
  mitigation: (input: ScaffoldInput) =>
    frontmatter({ ...base(input), environments: input.environments, checks: input.links, nist: [], attackMitigations: [], citations: citations(input) }) +
    `\n## How to apply\n${(input.environments ?? []).map((environment) => `\n### ${ENVIRONMENT_LABELS[environment]}\n\n${prompt(`flags, fields or settings for ${ENVIRONMENT_LABELS[environment]}`)}\n`).join('')}\n## Trade-offs\n\n${prompt('what it costs and when it does not apply')}\n`,
  check: (input: ScaffoldInput) =>
    frontmatter({
      ...base(input),
      severity: input.severity,
      verifies: `${prompt('the condition that holds when the mitigation is in place')}`,
      environments: input.environments,
      command: `${prompt('the exact command a person runs')}\n`,
      expected: { pass: prompt('output that means pass'), fail: prompt('output that means fail') },
      citations: citations(input),
    }),
  concept: (input: ScaffoldInput) =>
    frontmatter({ ...base(input), area: input.area, identifiers: [], citations: citations(input) }) +
    `\n${prompt('explain the mechanism in your own words, with commands or file paths where they help')}\n\n## Inspect it\n\n${prompt('what the commands below show')}\n\n\`\`\`sh\n${prompt('commands that show the mechanism on a running host or container')}\n\`\`\`\n`,
  incident: (input: ScaffoldInput) =>
    frontmatter({ ...base(input), cves: input.cve ? [input.cve] : [], component: input.component, disclosed: input.today, affected: prompt('affected versions as the advisory states them'), fixed: prompt('fixed versions as the advisory states them'), citations: citations(input) }) +
    `\n## Mechanism\n\n${prompt('how the flaw worked')}\n\n## Affected and fixed versions\n\n${prompt('versions, quoted from the advisory')}\n`,
} as const;

export type ScaffoldKind = keyof typeof TEMPLATES;
