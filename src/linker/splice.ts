/**
 * Text insertions into the original bytes of a report. The linker only ever inserts: every byte
 * of the input stays where it was, so removing the insertions gives the input back exactly.
 */
import type { ArrayNode, Layout, ObjectNode } from './json-skeleton.ts';

/** `text` goes in before the byte at `offset`. */
export interface Edit {
  offset: number;
  text: string;
}

/** A key and its value, already written as JSON. */
export type JsonMember = readonly [key: string, json: string];

/** Separators copied from the input longer than this are not copied (a crafted gap of megabytes). */
const MAX_COPIED_GAP = 256;

/**
 * The whitespace that precedes the last member or element, so an appended one sits on its own
 * line in a pretty-printed report and on the same line in a compact one.
 */
function gapBeforeLast(bytes: Buffer, layout: Layout): string {
  const from = layout.lastCommaEnd >= 0 ? layout.lastCommaEnd : layout.start + 1;
  if (layout.lastStart - from > MAX_COPIED_GAP) return ' ';
  // `["a"]` has no separator to copy: a space before the bracket (`": [`) says the report spaces them.
  if (from === layout.lastStart && layout.lastCommaEnd < 0) return bytes[layout.start - 1] === 0x20 ? ' ' : '';
  return bytes.toString('latin1', from, layout.lastStart);
}

/** The colon of the object's last member with its spaces (`: ` or `:`), to match its style. */
function colonOf(bytes: Buffer, node: ObjectNode): string {
  return node.lastValueStart - node.lastKeyEnd <= MAX_COPIED_GAP ? bytes.toString('latin1', node.lastKeyEnd, node.lastValueStart) : ': ';
}

/** Adds members after the last member of an object (inside `{}` when it is empty). */
export function appendMembers(bytes: Buffer, node: ObjectNode, members: readonly JsonMember[]): Edit {
  if (node.count === 0) return { offset: node.start + 1, text: members.map(([key, json]) => `${JSON.stringify(key)}: ${json}`).join(', ') };
  const separator = `,${gapBeforeLast(bytes, node)}`;
  const colon = colonOf(bytes, node);
  return { offset: node.lastEnd, text: members.map(([key, json]) => `${separator}${JSON.stringify(key)}${colon}${json}`).join('') };
}

/** A new object of `members` on one line, spaced like `styleOf` (`{"a": 1, "b": 2}` or `{"a":1,"b":2}`). */
export function objectJson(bytes: Buffer, styleOf: ObjectNode, members: readonly JsonMember[]): string {
  const spaced = styleOf.count === 0 || /:\s/.test(colonOf(bytes, styleOf));
  return `{${members.map(([key, json]) => `${JSON.stringify(key)}${spaced ? ': ' : ':'}${json}`).join(spaced ? ', ' : ',')}}`;
}

/** Adds an element after the last element of an array (inside `[]` when it is empty). */
export function appendElement(bytes: Buffer, node: ArrayNode, json: string): Edit {
  if (node.count === 0) return { offset: node.start + 1, text: json };
  return { offset: node.lastEnd, text: `,${gapBeforeLast(bytes, node)}${json}` };
}

/** Adds `text` at the end of the JSON string that ends (closing quote included) at `valueEnd`. */
export function appendToString(valueEnd: number, text: string): Edit {
  return { offset: valueEnd - 1, text: JSON.stringify(text).slice(1, -1) };
}

/**
 * The input with the edits in, as slices of the input (not copies) and the inserted text, in
 * order. Lazy, so a report with 100,000 links is written without a list of 200,000 slices.
 */
export function applyEdits(bytes: Buffer, edits: readonly Edit[]): Iterable<Buffer> {
  // Stable sort: two edits at one offset keep the order they were planned in.
  const sorted = [...edits].sort((left, right) => left.offset - right.offset);
  return {
    *[Symbol.iterator]() {
      // Inserted texts repeat (one per rule and layout): each is encoded once.
      const encoded = new Map<string, Buffer>();
      let done = 0;
      for (const edit of sorted) {
        if (edit.offset > done) yield bytes.subarray(done, edit.offset);
        let text = encoded.get(edit.text);
        if (!text) encoded.set(edit.text, (text = Buffer.from(edit.text, 'utf8')));
        yield text;
        done = edit.offset;
      }
      if (done < bytes.length) yield bytes.subarray(done);
    },
  };
}

/** Runs of small chunks joined into writes of about 64 KiB: one system call per link was most of the time. */
export function* coalesce(chunks: Iterable<Buffer>, size = 64 * 1024): Generator<Buffer> {
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  for (const chunk of chunks) {
    if (chunk.length >= size) {
      if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
      yield chunk;
      continue;
    }
    pending.push(chunk);
    pendingBytes += chunk.length;
    if (pendingBytes >= size) {
      yield Buffer.concat(pending, pendingBytes);
      pending = [];
      pendingBytes = 0;
    }
  }
  if (pendingBytes > 0) yield Buffer.concat(pending, pendingBytes);
}

/** Longest piece handed to a text writer: bounds the memory of decoding a huge report. */
const PIECE_BYTES = 1 << 20;

/**
 * The chunks as strings of at most about 1 MiB, each cut at a UTF-8 character boundary, so a
 * writer that takes text (the CLI's) never holds the whole report as one string. Valid UTF-8 in,
 * the same characters out.
 */
export function* textPieces(chunks: Iterable<Buffer>): Generator<string> {
  for (const chunk of chunks) {
    let from = 0;
    while (from < chunk.length) {
      let to = Math.min(chunk.length, from + PIECE_BYTES);
      // Back up over continuation bytes (10xxxxxx) so a character is never split.
      while (to < chunk.length && to > from && ((chunk[to] as number) & 0xc0) === 0x80) to--;
      yield chunk.toString('utf8', from, to);
      from = to;
    }
  }
}
