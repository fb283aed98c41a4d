import { loadAll, type LoadOptions, type Schema } from 'js-yaml';
import { parseAllDocuments } from 'yaml';
import type { PathSegment, Position } from './location.ts';
import { COMPOSE_SCHEMA, KUBERNETES_SCHEMA } from './yaml-schemas.ts';

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

/** Whose rules resolve plain scalars: see yaml-schemas.ts. */
export type YamlDialect = 'kubernetes' | 'compose';

const SCHEMAS: Record<YamlDialect, Schema> = { kubernetes: KUBERNETES_SCHEMA, compose: COMPOSE_SCHEMA };

/**
 * Aliases share one parsed node, so parsing never copies; but every reader that walks the value
 * (rules, interpolation) sees the expansion. A document may expand to this many nodes plus ten
 * times the nodes written in it; an alias bomb (a billion laughs) goes far beyond and is refused.
 */
const EXPANSION_ALLOWANCE = 100_000;
const EXPANSION_FACTOR = 10;
/** Deeper than any manifest, shallow enough for the recursive reader. */
const MAX_DEPTH = 500;
/** js-yaml bounds the work merge keys cause; Compose files merge a lot (one `<<` per service). */
const MAX_MERGE_KEYS = 1_000_000;

const MERGE_TAG = 'tag:yaml.org,2002:merge';

/** Where each key (of a mapping) or item (of a sequence) starts in the text. */
type Offsets = Map<string, number> | number[];

/** One parsed node while the document is read: js-yaml reports an open and a close event for each. */
interface Frame {
  start: number;
  children: Frame[] | undefined;
  result: unknown;
  isMergeKey: boolean;
}

/** js-yaml 4.3's limits, which its published types do not list yet. */
interface ReaderOptions extends LoadOptions {
  maxDepth: number;
  maxTotalMergeKeys: number;
}

/** The fields of js-yaml's parser state a listener reads (the published types omit `tag`). */
interface ListenerState {
  position: number;
  result: unknown;
  tag: string | null;
}

function isContainer(value: unknown): value is object {
  return value !== null && typeof value === 'object';
}

/** js-yaml turns every mapping key into a string this way (storeMappingPair). */
function keyString(key: unknown): string {
  if (isContainer(key) && !Array.isArray(key)) return '[object Object]';
  return String(key);
}

/**
 * Records, for every mapping and sequence the parser builds, where its keys and items start.
 * Keys come before values in the event order, so a mapping's children alternate key, value
 * (a last child without partner is the parser's failed look-ahead for another key).
 */
class PositionRecorder {
  readonly offsets = new Map<object, Offsets>();
  readonly roots: Frame[] = [];
  /** Nodes written in each document, to bound its alias expansion. */
  readonly writtenNodes: number[] = [];
  /** Whether each document aliases a mapping or sequence: only those can expand beyond what is written. */
  readonly aliasesCollections: boolean[] = [];
  private readonly stack: Frame[] = [];
  private nodes = 0;
  private aliased = false;

  readonly listener = (event: 'open' | 'close', state: unknown): void => {
    const { position, result, tag } = state as ListenerState;
    if (event === 'open') {
      this.stack.push({ start: position, children: undefined, result: undefined, isMergeKey: false });
      return;
    }
    const frame = this.stack.pop();
    if (!frame) return;
    this.nodes++;
    frame.result = result;
    frame.isMergeKey = tag === MERGE_TAG;
    if (isContainer(result)) {
      if (!this.offsets.has(result)) {
        if (frame.children) this.index(result, frame.children);
        // A collection closed without children, already indexed, is an alias (`*base`, `<<: *base`).
      } else if (!frame.children) this.aliased = true;
    }
    // Children are only needed to index their parent: drop them so a long stream does not keep every node.
    frame.children = undefined;
    const parent = this.stack.at(-1);
    if (parent) (parent.children ??= []).push(frame);
    else {
      this.roots.push(frame);
      this.writtenNodes.push(this.nodes);
      this.aliasesCollections.push(this.aliased);
      this.nodes = 0;
      this.aliased = false;
    }
  };

  private index(container: object, children: Frame[]): void {
    if (Array.isArray(container)) {
      // An empty block item (`-` alone) or a flow pair (`[a: b]`) breaks the one-frame-per-item rule:
      // those sequences keep no item positions, and findings inside point at the sequence.
      if (children.length === container.length) this.offsets.set(container, children.map((child) => child.start));
      return;
    }
    const keys = new Map<string, number>();
    const merged: unknown[] = [];
    for (let index = 0; index + 1 < children.length; index += 2) {
      const key = children[index] as Frame;
      const value = children[index + 1] as Frame;
      if (key.isMergeKey) {
        merged.push(value.result);
        continue;
      }
      const name = keyString(key.result);
      // A key the mapping does not hold means the key/value pairing was lost (an explicit `? key`
      // without value): keep the positions verified so far rather than point at wrong lines.
      if (!Object.hasOwn(container, name)) break;
      keys.set(name, key.start);
    }
    // Written keys win over merged ones, and earlier merge sources over later ones, as in YAML.
    for (const source of merged.flatMap((item) => (Array.isArray(item) ? item : [item]))) {
      const inherited = isContainer(source) ? this.offsets.get(source) : undefined;
      if (!(inherited instanceof Map)) continue;
      for (const [name, offset] of inherited) if (!keys.has(name) && Object.hasOwn(container, name)) keys.set(name, offset);
    }
    this.offsets.set(container, keys);
  }
}

/** Line starts of a text, built on first use: most streams locate few or no findings. */
class LineIndex {
  private starts: number[] | undefined;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  position(offset: number): Position {
    const starts = (this.starts ??= this.build());
    let low = 0;
    let high = starts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if ((starts[middle] as number) <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - (starts[low] as number) + 1 };
  }

  private build(): number[] {
    const starts = [0];
    for (let index = this.text.indexOf('\n'); index !== -1; index = this.text.indexOf('\n', index + 1)) starts.push(index + 1);
    return starts;
  }
}

function childOf(node: unknown, segment: PathSegment): unknown {
  if (Array.isArray(node)) return typeof segment === 'number' ? node[segment] : undefined;
  if (isContainer(node) && Object.hasOwn(node, String(segment))) return (node as Record<string, unknown>)[String(segment)];
  return undefined;
}

function offsetOf(offsets: Offsets | undefined, segment: PathSegment): number | undefined {
  if (offsets === undefined) return undefined;
  if (Array.isArray(offsets)) return typeof segment === 'number' ? offsets[segment] : undefined;
  return offsets.get(String(segment));
}

/** Walks the value as readers will see it (aliases expanded) and stops as soon as it passes `budget` nodes. */
function expandsBeyond(value: unknown, budget: number): boolean {
  const pending: unknown[] = [value];
  let seen = 0;
  while (pending.length > 0) {
    const node = pending.pop();
    if (++seen > budget) return true;
    if (Array.isArray(node)) for (const item of node) pending.push(item);
    else if (isContainer(node)) for (const key in node) if (Object.hasOwn(node, key)) pending.push((node as Record<string, unknown>)[key]);
  }
  return false;
}

interface JsYamlError {
  reason?: string;
  message: string;
  mark?: { line: number; column: number };
}

/**
 * js-yaml's messages are terse ("bad indentation of a mapping entry"); when the `yaml` package
 * also refuses the text, its message says more and is the one reported.
 */
function describeError(text: string, error: JsYamlError): { message: string; position: Position } {
  const fallback = { message: error.reason ?? error.message, position: { line: (error.mark?.line ?? 0) + 1, column: (error.mark?.column ?? 0) + 1 } };
  try {
    const parsed = parseAllDocuments(text, { prettyErrors: false, uniqueKeys: false });
    const documents = Array.isArray(parsed) ? parsed : [];
    const first = documents.flatMap((document) => document.errors)[0];
    if (!first) return fallback;
    const lines = new LineIndex(text);
    return { message: first.message.split('\n')[0] ?? first.message, position: lines.position(first.pos[0]) };
  } catch {
    return fallback;
  }
}

/**
 * Parses a YAML (or JSON) stream the way `dialect` reads it (scalar resolution, merge keys) and
 * keeps, for every key and item, where it is written, so findings can name a line. A document
 * is a value and a `locate` over it; anchors and merge keys point into the text they came from.
 */
export function parseYamlStream(source: string, dialect: YamlDialect = 'kubernetes'): YamlStream {
  // js-yaml drops a byte-order mark itself, which would shift every offset by one.
  const text = source.charCodeAt(0) === 0xfeff ? source.slice(1) : source;
  const recorder = new PositionRecorder();
  const options: ReaderOptions = {
    schema: SCHEMAS[dialect],
    // `json` lets a repeated key replace the earlier one, as sigs.k8s.io/yaml and JSON.parse do.
    json: true,
    listener: recorder.listener,
    maxDepth: MAX_DEPTH,
    maxTotalMergeKeys: MAX_MERGE_KEYS,
  };
  let values: unknown[];
  try {
    values = loadAll(text, null, options);
  } catch (error) {
    return { documents: [], error: describeError(text, error as JsYamlError) };
  }
  const lines = new LineIndex(text);
  const documents: YamlDocument[] = [];
  for (const [index, value] of values.entries()) {
    const root = recorder.roots[index];
    if (value === null || value === undefined || !root) continue;
    const written = recorder.writtenNodes[index] ?? 0;
    if (recorder.aliasesCollections[index] === true && expandsBeyond(value, EXPANSION_ALLOWANCE + EXPANSION_FACTOR * written)) {
      return {
        documents: [],
        error: { message: `document ${index + 1} expands its aliases to more than ${EXPANSION_ALLOWANCE + EXPANSION_FACTOR * written} nodes (${written} written): refused as an alias bomb`, position: lines.position(root.start) },
      };
    }
    documents.push({
      index,
      value,
      locate(path) {
        let node: unknown = value;
        let offset = root.start;
        for (const segment of path) {
          const found = offsetOf(isContainer(node) ? recorder.offsets.get(node) : undefined, segment);
          if (found === undefined) break;
          offset = found;
          node = childOf(node, segment);
        }
        return lines.position(offset);
      },
    });
  }
  return { documents };
}
