import type { Entry } from '../graph/entries.ts';
import type { ContentGraph } from '../graph/graph.ts';

/** What every integrity rule sees: the schema-valid entries, their graph, and line lookup. */
export interface RuleContext {
  entries: readonly Entry[];
  graph: ContentGraph;
  lineOf(entry: Entry, path: readonly (string | number)[]): number | undefined;
}
