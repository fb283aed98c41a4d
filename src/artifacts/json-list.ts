/**
 * Large `kubectl get -A -o json` Lists, read one item at a time. Parsing a 200 MB List whole
 * takes gigabytes (every object at once); here the text is scanned once for where each item
 * begins and ends, and each item is parsed when the checks reach it and released after. Only
 * `.json`-style Lists (a top-level object with an `items` array) take this path: YAML streams are
 * small enough to read whole.
 */
import { isRecord, kubeObjectsAt, tally, type KubeObject, type KubeObjects, type KubeProblem } from './kubernetes.ts';
import type { PathSegment, Position } from './location.ts';
import type { YamlDocument } from './yaml-stream.ts';

/** Below this size a JSON List is read like any YAML stream, which is simpler and as fast. */
export const STREAMED_LIST_BYTES = 8 * 1024 * 1024;

/** One element of `items`, as offsets into the text and where it starts. */
interface ItemSpan {
  start: number;
  end: number;
  line: number;
  column: number;
}

export interface StreamedList {
  /** Iterating parses each item afresh, so memory holds one item at a time. */
  objects: Iterable<KubeObject>;
  problems: KubeProblem[];
  withoutRules: Map<string, number>;
}

const QUOTE = 0x22;
/** A whole string, or a bracket: what matters when skipping a value whole. */
const STRUCTURAL = /"[^"\\]*(?:\\.[^"\\]*)*"|[[\]{}]/g;
const BACKSLASH = 0x5c;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** What ends a number or literal: a separator, a closing bracket or space. */
function isDelimiter(code: number): boolean {
  return code === 0x2c || code === 0x7d || code === 0x5d || isSpace(code);
}

/** A structural error at an offset of the text, so the problem line can name its line. */
class JsonScanError extends SyntaxError {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

/** Scans a JSON text structurally (no values built): just enough to find `items` and each element's extent. */
class JsonScanner {
  position = 0;
  private readonly text: string;

  constructor(text: string) {
    this.text = text;
  }

  code(): number {
    return this.text.charCodeAt(this.position);
  }

  skipSpace(): void {
    while (this.position < this.text.length && isSpace(this.code())) this.position++;
  }

  expect(char: string): void {
    this.skipSpace();
    if (this.text[this.position] !== char) throw new JsonScanError(`expected "${char}", found ${JSON.stringify(this.text.slice(this.position, this.position + 20))}`, this.position);
    this.position++;
  }

  /** Returns the string's text (JSON-decoded) and moves past it. */
  readString(): string {
    const start = this.position;
    this.skipString();
    const raw = this.text.slice(start + 1, this.position - 1);
    return raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
  }

  private skipString(): void {
    let at = this.position + 1;
    for (;;) {
      const quote = this.text.indexOf('"', at);
      if (quote === -1) throw new JsonScanError('unterminated string', this.position);
      let backslashes = 0;
      while (this.text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
      at = quote + 1;
      if (backslashes % 2 === 0) break;
    }
    this.position = at;
  }

  /** Moves past one value of any type; strings may hold brackets, so they are skipped whole. */
  skipValue(): void {
    this.skipSpace();
    const first = this.code();
    if (first === QUOTE) return this.skipString();
    if (first !== 0x7b && first !== 0x5b) {
      while (this.position < this.text.length && !isDelimiter(this.code())) this.position++;
      return;
    }
    // Jump from bracket to bracket (a native regex search), not character by character: the
    // scan passes over the whole List once and over an item for every position asked.
    let depth = 0;
    STRUCTURAL.lastIndex = this.position;
    for (let match = STRUCTURAL.exec(this.text); match; match = STRUCTURAL.exec(this.text)) {
      const code = this.text.charCodeAt(match.index);
      if (code === QUOTE) continue;
      depth += code === 0x7b || code === 0x5b ? 1 : -1;
      if (depth === 0) {
        this.position = match.index + 1;
        return;
      }
    }
    throw new JsonScanError('unexpected end of the text inside this value', this.position);
  }
}

interface ListLayout {
  items: { start: number; end: number }[];
}

/** The extents of a top-level object's `items` elements, or undefined when the text is not such a List. */
function scanListLayout(text: string): ListLayout | undefined {
  const scanner = new JsonScanner(text);
  scanner.expect('{');
  let items: { start: number; end: number }[] | undefined;
  for (;;) {
    scanner.skipSpace();
    if (scanner.code() === 0x7d) break;
    if (scanner.code() !== QUOTE) throw new JsonScanError(`expected a key, found ${JSON.stringify(text.slice(scanner.position, scanner.position + 20))}`, scanner.position);
    const key = scanner.readString();
    scanner.expect(':');
    scanner.skipSpace();
    if (key === 'items' && scanner.code() === 0x5b) items = scanItems(scanner);
    else scanner.skipValue();
    scanner.skipSpace();
    if (scanner.code() === 0x2c) scanner.position++;
  }
  return items ? { items } : undefined;
}

function scanItems(scanner: JsonScanner): { start: number; end: number }[] {
  const items: { start: number; end: number }[] = [];
  scanner.expect('[');
  for (;;) {
    scanner.skipSpace();
    if (scanner.code() === 0x5d) {
      scanner.position++;
      return items;
    }
    const start = scanner.position;
    scanner.skipValue();
    items.push({ start, end: scanner.position });
    scanner.skipSpace();
    if (scanner.code() === 0x2c) scanner.position++;
  }
}

/** Line and column of each item start, counted in one pass over the text. */
function withPositions(text: string, items: { start: number; end: number }[]): ItemSpan[] {
  let line = 1;
  let lineStart = 0;
  let searched = 0;
  return items.map(({ start, end }) => {
    for (let newline = text.indexOf('\n', searched); newline !== -1 && newline < start; newline = text.indexOf('\n', newline + 1)) {
      line++;
      lineStart = newline + 1;
    }
    searched = start;
    return { start, end, line, column: start - lineStart + 1 };
  });
}

/** How much of the start of a text `startsLikeJsonList` needs. */
export const LIST_HEAD_BYTES = 4096;

/** A JSON object with an `items` array near its start, as `kubectl get -o json` writes a List. */
export function startsLikeJsonList(head: string): boolean {
  return /^\s*\{/.test(head) && /"items"\s*:\s*\[/.test(head.slice(0, LIST_HEAD_BYTES));
}

/** A cheap test before scanning: a JSON List large enough to be read one item at a time. */
export function looksLikeLargeJsonList(text: string): boolean {
  return text.length >= STREAMED_LIST_BYTES && startsLikeJsonList(text);
}

/** Where each key of one JSON object and its value start, by the object's offset. */
type KeyOffsets = Map<number, Map<string, { key: number; value: number }>>;

/**
 * Where the deepest existing part of `path` is written inside the JSON value starting at
 * `start` (the key of a field, the start of an item), found by walking the text along the path
 * and skipping siblings whole. Objects walked once are remembered in `known`, since an item's
 * findings ask for paths with the same beginning.
 */
function offsetInJson(text: string, start: number, path: readonly PathSegment[], known: KeyOffsets): number {
  const scanner = new JsonScanner(text);
  scanner.position = start;
  let written = start;
  for (const segment of path) {
    scanner.skipSpace();
    const open = scanner.code();
    if (open === 0x7b && typeof segment === 'string') {
      let keys = known.get(scanner.position);
      if (!keys) known.set(scanner.position, (keys = objectKeys(scanner)));
      const found = keys.get(segment);
      if (found === undefined) return written;
      written = found.key;
      scanner.position = found.value;
    } else if (open === 0x5b && typeof segment === 'number') {
      scanner.position++;
      for (let index = 0; index < segment; index++) {
        scanner.skipSpace();
        if (scanner.code() === 0x5d) return written;
        scanner.skipValue();
        scanner.skipSpace();
        if (scanner.code() === 0x2c) scanner.position++;
      }
      scanner.skipSpace();
      if (scanner.code() === 0x5d) return written;
      written = scanner.position;
    } else return written;
  }
  return written;
}

/** The keys of the object at the scanner; a repeated key keeps its last occurrence, as JSON.parse does. */
function objectKeys(scanner: JsonScanner): Map<string, { key: number; value: number }> {
  const keys = new Map<string, { key: number; value: number }>();
  scanner.position++;
  for (;;) {
    scanner.skipSpace();
    if (scanner.code() !== QUOTE) return keys;
    const key = scanner.position;
    const name = scanner.readString();
    scanner.expect(':');
    scanner.skipSpace();
    keys.set(name, { key, value: scanner.position });
    scanner.skipValue();
    scanner.skipSpace();
    if (scanner.code() === 0x2c) scanner.position++;
  }
}

/** Line and column of `offset`, counting lines from the start of the text (only for a problem). */
function positionOf(text: string, offset: number): Position {
  return positionIn(text, { start: 0, end: text.length, line: 1, column: 1 }, offset);
}

/** V8 words a JSON.parse error "… at position N …": that position in the whole text, when it says. */
function parseErrorPosition(text: string, span: ItemSpan, error: unknown): Position {
  const at = error instanceof Error ? /position (\d+)/.exec(error.message)?.[1] : undefined;
  return at === undefined ? { line: span.line, column: span.column } : positionIn(text, span, span.start + Number(at));
}

/** Line and column of `offset`, counting lines from the item's start (items are a few kilobytes). */
function positionIn(text: string, span: ItemSpan, offset: number): Position {
  let line = span.line;
  let lineStart = span.start - span.column + 1;
  for (let newline = text.indexOf('\n', span.start); newline !== -1 && newline < offset; newline = text.indexOf('\n', newline + 1)) {
    line++;
    lineStart = newline + 1;
  }
  return { line, column: offset - lineStart + 1 };
}

/**
 * One item as a document of its own: paths still start at the List (`items`, n, …), as rules
 * write them. The value comes from JSON.parse; a position is found in the text only when a
 * finding asks for one, by following its path (the deepest part that exists, like any locate).
 */
function itemDocument(text: string, span: ItemSpan, index: number, value: unknown): YamlDocument {
  const known: KeyOffsets = new Map();
  return {
    index: 0,
    // The item, not the List: the List is never held whole.
    value,
    locate(path: readonly PathSegment[]): Position {
      const [items, at, ...rest] = path;
      if (items !== 'items' || at !== index) return { line: span.line, column: span.column };
      return positionIn(text, span, offsetInJson(text, span.start, rest, known));
    },
  };
}

/**
 * Reads a large JSON List: scans it once, then checks every item's kind (to report typos and
 * count kinds without rules up front) with JSON.parse, keeping nothing but offsets.
 */
export function readLargeJsonList(text: string): StreamedList | { error: KubeProblem } {
  let layout: ListLayout | undefined;
  try {
    layout = scanListLayout(text);
  } catch (error) {
    const position = error instanceof JsonScanError ? positionOf(text, error.offset) : { line: 1, column: 1 };
    return { error: { message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`, position } };
  }
  if (!layout) return { error: { message: 'a JSON object without an "items" list: not a Kubernetes List', position: { line: 1, column: 1 } } };
  const spans = withPositions(text, layout.items);
  const problems: KubeProblem[] = [];
  const withoutRules = new Map<string, number>();
  const valid: number[] = [];
  spans.forEach((span, index) => {
    let value: unknown;
    try {
      value = JSON.parse(text.slice(span.start, span.end));
    } catch (error) {
      problems.push({ message: `invalid JSON in items[${index}]: ${error instanceof Error ? error.message : String(error)}`, position: parseErrorPosition(text, span, error) });
      return;
    }
    const found: KubeObjects = { objects: [], problems: [], withoutRules: new Map() };
    kubeObjectsAt(isRecord(value) ? value : undefined, ['items', index], itemDocument(text, span, index, value), found);
    problems.push(...found.problems);
    for (const [kind, count] of found.withoutRules) tally(withoutRules, kind, count);
    if (found.objects.length > 0) valid.push(index);
  });
  return {
    problems,
    withoutRules,
    objects: {
      *[Symbol.iterator]() {
        for (const index of valid) {
          const span = spans[index] as ItemSpan;
          const document = itemDocument(text, span, index, JSON.parse(text.slice(span.start, span.end)));
          const found: KubeObjects = { objects: [], problems: [], withoutRules: new Map() };
          kubeObjectsAt(document.value, ['items', index], document, found);
          yield* found.objects;
        }
      },
    },
  };
}
