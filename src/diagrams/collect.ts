import type { Entry } from '../graph/entries.ts';

/** A Mermaid diagram declared in an entry's frontmatter. */
export interface DiagramSource {
  file: string;
  field: 'diagram' | 'attackPath';
  source: string;
}

export function collectDiagrams(entries: readonly Entry[]): DiagramSource[] {
  return entries.flatMap((entry): DiagramSource[] => {
    if (entry.kind === 'risks' && entry.data.attackPath) return [{ file: entry.file, field: 'attackPath', source: entry.data.attackPath }];
    if ((entry.kind === 'stages' || entry.kind === 'concepts') && entry.data.diagram) return [{ file: entry.file, field: 'diagram', source: entry.data.diagram }];
    return [];
  });
}
