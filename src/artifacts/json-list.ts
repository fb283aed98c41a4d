/**
 * Large `kubectl get -A -o json` Lists, read one item at a time. Parsing a 200 MB List whole
 * takes gigabytes (every object at once); here the text is scanned once for where each item
 * begins and ends, and each item is parsed when the checks reach it and released after. Only
 * `.json`-style Lists (a top-level object with an `items` array) take this path: YAML streams are
 * small enough to read whole.
 */
import { isRecord, kubeObjectsAt, tally, type KubeObject, type KubeObjects, type KubeProblem } from './kubernetes.ts';
import type { PathSegment, Position } from './location.ts';
import { parseYamlStream, type YamlDocument } from './yaml-stream.ts';

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
const BACKSLASH = 0x5c;

function isSpace(code: number): boolean {
  return code === 0x20 || code === 0x0a || code === 0x0d || code === 0x09;
}

/** What ends a number or literal: a separator, a closing bracket or space. */
function isDelimiter(code: number): boolean {
  return code === 0x2c || code === 0x7d || code === 0x5d || isSpace(code);
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
    if (this.text[this.position] !== char) throw new SyntaxError(`expected "${char}" at offset ${this.position}`);
    this.position++;
  }

  /** Returns the string's text (JSON-decoded) and moves past it. */
  readString(): string {
    const start = this.position;
    this.skipString();
    return JSON.parse(this.text.slice(start, this.position)) as string;
  }

  private skipString(): void {
    let at = this.position + 1;
    for (;;) {
      const quote = this.text.indexOf('"', at);
      if (quote === -1) throw new SyntaxError(`unterminated string at offset ${this.position}`);
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
    let depth = 0;
    do {
      const code = this.code();
      if (Number.isNaN(code)) throw new SyntaxError('unexpected end of the text');
      if (code === QUOTE) {
        this.skipString();
        continue;
      }
      if (code === 0x7b || code === 0x5b) depth++;
      else if (code === 0x7d || code === 0x5d) depth--;
      this.position++;
    } while (depth > 0);
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
    if (scanner.code() !== QUOTE) throw new SyntaxError(`expected a key at offset ${scanner.position}`);
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

/** A cheap test before scanning: a JSON object that large, with an `items` key near its start, as kubectl writes it. */
export function looksLikeLargeJsonList(text: string): boolean {
  return text.length >= STREAMED_LIST_BYTES && /^\s*\{/.test(text) && /"items"\s*:\s*\[/.test(text.slice(0, 4096));
}

/** Moves a position inside an item's text to the position in the whole file. */
function shift(span: ItemSpan, inner: Position): Position {
  return inner.line === 1 ? { line: span.line, column: span.column + inner.column - 1 } : { line: span.line + inner.line - 1, column: inner.column };
}

/** One item as a document of its own: paths still start at the List (`items`, n, …), as rules write them. */
function itemDocument(text: string, span: ItemSpan, index: number): YamlDocument | { error: KubeProblem } {
  const stream = parseYamlStream(text.slice(span.start, span.end));
  const inner = stream.documents[0];
  if (stream.error || !inner) return { error: { message: `invalid JSON in items[${index}]: ${stream.error?.message ?? 'empty item'}`, position: shift(span, stream.error?.position ?? { line: 1, column: 1 }) } };
  return {
    index: 0,
    // The item, not the List: the List is never held whole.
    value: inner.value,
    locate(path: readonly PathSegment[]): Position {
      const [items, at, ...rest] = path;
      return items === 'items' && at === index ? shift(span, inner.locate(rest)) : { line: span.line, column: span.column };
    },
  };
}

function problemsWithPositions(text: string, span: ItemSpan, index: number, fallback: KubeProblem[]): KubeProblem[] {
  const document = itemDocument(text, span, index);
  if ('error' in document) return [document.error];
  const found: KubeObjects = { objects: [], problems: [], withoutRules: new Map() };
  kubeObjectsAt(document.value, ['items', index], document, found);
  return found.problems.length > 0 ? found.problems : fallback;
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
    return { error: { message: `invalid JSON: ${error instanceof Error ? error.message : String(error)}`, position: { line: 1, column: 1 } } };
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
      problems.push({ message: `invalid JSON in items[${index}]: ${error instanceof Error ? error.message : String(error)}`, position: { line: span.line, column: span.column } });
      return;
    }
    const placeholder: YamlDocument = { index: 0, value, locate: () => ({ line: span.line, column: span.column }) };
    const found: KubeObjects = { objects: [], problems: [], withoutRules: new Map() };
    kubeObjectsAt(isRecord(value) ? value : undefined, ['items', index], placeholder, found);
    // A problem (a typo'd kind) is rare: only then is the item read again to name the exact line.
    if (found.problems.length > 0) problems.push(...problemsWithPositions(text, span, index, found.problems));
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
          const document = itemDocument(text, span, index);
          if ('error' in document) continue;
          const found: KubeObjects = { objects: [], problems: [], withoutRules: new Map() };
          kubeObjectsAt(document.value, ['items', index], document, found);
          yield* found.objects;
        }
      },
    },
  };
}
