import { isMap, isPair, isScalar, isSeq, LineCounter, parseAllDocuments, type Node, type Pair } from 'yaml';
import type { PathSegment, Position } from './location.ts';

/** One document of a YAML (or JSON) stream, with its plain value and a way back to positions. */
export interface YamlDocument {
  /** 0-based index in the stream; Helm output and `kubectl get -o yaml` put many in one file. */
  index: number;
  value: unknown;
  /** Position of the node at `path`, or of its deepest ancestor that exists (where a missing field belongs). */
  locate(path: readonly PathSegment[]): Position;
}

export interface YamlStream {
  documents: YamlDocument[];
  /** The first syntax error, if any: the stream is not checked then, because its structure is unknown. */
  error?: { message: string; position: Position };
}

// Anchors and aliases are legal, but an alias bomb must not exhaust memory.
const MAX_ALIAS_COUNT = 100;

function keyMatches(pair: Pair, segment: PathSegment): boolean {
  const key = isScalar(pair.key) ? pair.key.value : pair.key;
  return key === segment || (typeof key === 'number' && String(key) === segment);
}

export function parseYamlStream(text: string): YamlStream {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, prettyErrors: false, uniqueKeys: false });
  const at = (offset: number): Position => {
    const { line, col } = lineCounter.linePos(offset);
    return { line, column: col };
  };
  // parseAllDocuments returns an EmptyStream (not an array) for a stream without documents.
  const list = Array.isArray(parsed) ? parsed : [];
  for (const document of list) {
    const error = document.errors[0];
    if (error) return { documents: [], error: { message: error.message.split('\n')[0] ?? error.message, position: at(error.pos[0]) } };
  }
  const documents = list
    .map((document, index): YamlDocument | undefined => {
      if (document.contents === null) return undefined;
      const root = document.contents as Node;
      return {
        index,
        value: document.toJS({ maxAliasCount: MAX_ALIAS_COUNT }),
        locate(path) {
          let node: unknown = root;
          let offset = root.range?.[0] ?? 0;
          for (const segment of path) {
            if (isMap(node)) {
              const pair = node.items.find((item) => isPair(item) && keyMatches(item, segment));
              if (!pair) break;
              offset = (pair.key as Node | null)?.range?.[0] ?? offset;
              node = pair.value;
            } else if (isSeq(node) && typeof segment === 'number') {
              const item = node.items[segment] as Node | undefined;
              if (!item) break;
              offset = item.range?.[0] ?? offset;
              node = item;
            } else break;
          }
          return at(offset);
        },
      };
    })
    .filter((document): document is YamlDocument => document !== undefined);
  return { documents };
}
