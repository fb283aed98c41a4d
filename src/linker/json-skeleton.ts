/**
 * A one-pass reader of JSON bytes for the findings linker. It validates the whole text against
 * RFC 8259 but keeps only the parts a `Want` asks for, each with its byte offsets, so the linker
 * can splice new text into the original bytes instead of re-serialising the document (which
 * would rewrite numbers, collapse duplicate keys and reorder numeric keys).
 *
 * It is iterative: containers go on an explicit stack, so a report nested 100,000 levels deep
 * costs memory, not the call stack. Every byte is looked at a bounded number of times, so time is
 * linear in the input, and unwanted subtrees are validated and forgotten.
 */

export type JsonType = 'object' | 'array' | 'string' | 'number' | 'true' | 'false' | 'null';

/** Which parts of a subtree to keep. An empty Want keeps a member's type and short text only. */
export interface Want {
  /** Members kept by key, each with what to keep of its value. */
  readonly members?: ReadonlyMap<string, Want>;
  /** What to keep of every member whose key is not in `members` (maps keyed by rule ID). */
  readonly anyMember?: Want;
  /**
   * Objects here are findings: each is handed to the reader's `onFinding` as soon as it closes
   * and then forgotten, so a report of a million findings never holds a million nodes.
   */
  readonly finding?: string;
  /**
   * Objects here only lead to findings (Trivy's Results, kube-bench's Controls): forgotten when
   * they close, like findings, so memory does not grow with the report. Their type stays known.
   */
  readonly transient?: boolean;
}

/**
 * Receives each finding object as it closes, with its key when it is a member (maps keyed by rule
 * ID). The node and its members are reused for the next finding once the call returns: keep
 * offsets and text, not the node.
 */
export type FindingSink = (kind: string, node: ObjectNode, key: string | undefined) => void;

/** Strings longer than this are never a rule ID or one of our URLs, so their text is not kept. */
export const TEXT_CAP_BYTES = 4096;

/** Where a container's contents sit, which is all an append needs. Offsets are byte offsets. */
export interface Layout {
  /** Offset of `{` or `[`. */
  start: number;
  /** Offset of `}` or `]`. */
  end: number;
  /** Members or elements, kept or not. */
  count: number;
  /** Start of the first key (object) or element (array). */
  firstStart: number;
  /** Start of the last key or element, and end of the last value. */
  lastStart: number;
  lastEnd: number;
  /** Just after the `,` before the last member or element; -1 with fewer than two. */
  lastCommaEnd: number;
}

export interface ObjectNode extends Layout {
  kind: 'object';
  /** End of the last member's key and start of its value: the colon and the spaces around it. */
  lastKeyEnd: number;
  lastValueStart: number;
  /** Kept members in document order, duplicates included. */
  readonly members: readonly Member[];
}

export interface ArrayNode extends Layout {
  kind: 'array';
  /** Kept object elements (the linker walks arrays of findings). */
  readonly objects: readonly ObjectNode[];
}

export interface Member {
  readonly key: string;
  readonly type: JsonType;
  readonly valueStart: number;
  /** Just after the value. */
  readonly valueEnd: number;
  /** A string's text, when it is at most TEXT_CAP_BYTES long. */
  readonly text: string | undefined;
  /** The value's layout and kept contents, when it is an object or array and was wanted. */
  readonly node: ObjectNode | ArrayNode | undefined;
}

export interface Skeleton {
  bytes: Buffer;
  /** 3 when the text starts with a UTF-8 byte order mark, which is kept but is not JSON. */
  bomLength: number;
  rootType: JsonType;
  root: ObjectNode | ArrayNode | undefined;
}

/** Input that is not JSON: the message says what and where, on one line. */
export class JsonSyntaxError extends Error {
  readonly offset: number;

  constructor(message: string, offset: number) {
    super(message);
    this.offset = offset;
  }
}

const EMPTY = Buffer.alloc(0);
const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const COMMA = 0x2c;
const COLON = 0x3a;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const MINUS = 0x2d;
const PLUS = 0x2b;
const DOT = 0x2e;
const DIGIT_0 = 0x30;
const DIGIT_9 = 0x39;

// Parser states. Plain numbers, not an enum: Node's type stripping runs this file as is.
const EXPECT_VALUE = 0;
const OBJECT_FIRST = 1;
const OBJECT_KEY = 2;
const OBJECT_AFTER_VALUE = 3;
const ARRAY_FIRST = 4;
const ARRAY_AFTER_VALUE = 5;
const DONE = 6;

const isDigit = (byte: number | undefined): boolean => byte !== undefined && byte >= DIGIT_0 && byte <= DIGIT_9;
const isHex = (byte: number | undefined): boolean => byte !== undefined && (isDigit(byte) || (byte >= 0x41 && byte <= 0x46) || (byte >= 0x61 && byte <= 0x66));
const ESCAPABLE = new Set([QUOTE, BACKSLASH, 0x2f, 0x62, 0x66, 0x6e, 0x72, 0x74]);
const TRUE = Buffer.from('true');
const FALSE = Buffer.from('false');
const NULL = Buffer.from('null');
const LITERAL_TYPES: Record<number, JsonType> = { 0x74: 'true', 0x66: 'false', 0x6e: 'null' };

/**
 * One open container. Frames are pooled by depth, so a long report of small objects does not
 * allocate one per object; `node` is set only when the container is being kept.
 */
class Frame {
  isObject = false;
  /** Object: what to keep of its members. */
  want: Want | undefined = undefined;
  /** Array: what to keep of its object elements. */
  elementWant: Want | undefined = undefined;
  node: ObjectLayout | ArrayLayout | undefined = undefined;
  /** The finding node last read at this depth, reused for the next one. */
  spare: ObjectLayout | undefined = undefined;
  // The member being read (objects only).
  key = '';
  keyStart = 0;
  keyEnd = 0;
  memberWant: Want | undefined = undefined;
  keepMember = false;
  valueStart = 0;
  commaEnd = -1;
}

class Scanner {
  private pos: number;
  private state = EXPECT_VALUE;
  private readonly frames: Frame[] = [];
  private depth = 0;
  /** Whether the string just read held a backslash escape. */
  private escaped = false;
  private rootType: JsonType = 'null';
  private root: ObjectNode | ArrayNode | undefined;
  private readonly bytes: Buffer;
  private readonly rootWant: Want;
  private readonly onFinding: FindingSink;

  constructor(bytes: Buffer, rootWant: Want, start: number, onFinding: FindingSink) {
    this.bytes = bytes;
    this.rootWant = rootWant;
    this.pos = start;
    this.onFinding = onFinding;
  }

  run(): { rootType: JsonType; root: ObjectNode | ArrayNode | undefined } {
    const bytes = this.bytes;
    const length = bytes.length;
    if (this.skipSpace() >= length) throw new JsonSyntaxError('no JSON value (the input is empty)', this.pos);
    for (;;) {
      const at = this.skipSpace();
      if (this.state === DONE) {
        if (at < length) throw this.unexpected('after the end of the JSON value');
        return { rootType: this.rootType, root: this.root };
      }
      if (at >= length) throw new JsonSyntaxError('unexpected end of input (a string, object or array is not closed)', at);
      this.step(bytes[at] as number);
    }
  }

  /** Advances over one token in the current state. */
  private step(byte: number): void {
    switch (this.state) {
      case ARRAY_FIRST:
        if (byte === CLOSE_ARRAY) return this.closeContainer(false);
        return this.value(byte);
      case EXPECT_VALUE:
        return this.value(byte);
      case OBJECT_FIRST:
        if (byte === CLOSE_OBJECT) return this.closeContainer(true);
        return this.key(byte);
      case OBJECT_KEY:
        return this.key(byte);
      case OBJECT_AFTER_VALUE:
        if (byte === COMMA) return this.comma(OBJECT_KEY);
        if (byte === CLOSE_OBJECT) return this.closeContainer(true);
        throw this.unexpected("where ',' or '}' was expected");
      case ARRAY_AFTER_VALUE:
        if (byte === COMMA) return this.comma(EXPECT_VALUE);
        if (byte === CLOSE_ARRAY) return this.closeContainer(false);
        throw this.unexpected("where ',' or ']' was expected");
      default:
        throw this.unexpected('');
    }
  }

  private comma(next: number): void {
    const frame = this.top();
    frame.commaEnd = this.pos + 1;
    this.pos++;
    this.state = next;
  }

  private value(byte: number): void {
    const start = this.pos;
    // An array's elements have no key to start from: note where each begins, for its layout.
    if (this.depth > 0 && !this.top().isObject) this.top().valueStart = start;
    if (byte === OPEN_OBJECT || byte === OPEN_ARRAY) return this.openContainer(byte === OPEN_OBJECT);
    if (byte === QUOTE) {
      const end = this.stringEnd(start);
      return this.valueDone('string', end, undefined);
    }
    if (byte === MINUS || isDigit(byte)) return this.valueDone('number', this.numberEnd(start), undefined);
    const literal = byte === TRUE[0] ? TRUE : byte === FALSE[0] ? FALSE : byte === NULL[0] ? NULL : undefined;
    if (literal && this.startsWith(start, literal)) return this.valueDone(LITERAL_TYPES[byte] as JsonType, start + literal.length, undefined);
    throw this.unexpected('where a value was expected');
  }

  private key(byte: number): void {
    if (byte !== QUOTE) throw this.unexpected('where a key (a string) was expected');
    const frame = this.top();
    const start = this.pos;
    const end = this.stringEnd(start);
    frame.keyStart = start;
    frame.keyEnd = end;
    const want = frame.want;
    if (want) this.matchKey(frame, want, start, end);
    else frame.keepMember = false;
    this.pos = end;
    if (this.bytes[this.skipSpace()] !== COLON) throw this.unexpected("where ':' was expected after a key");
    this.pos++;
    frame.valueStart = this.skipSpace();
    this.state = EXPECT_VALUE;
  }

  /**
   * Whether the key just read is wanted. Keys are compared as bytes and only decoded when a
   * map keyed by rule ID needs the text: turning every key of every finding into a string was
   * most of the time of a large report.
   */
  private matchKey(frame: Frame, want: Want, start: number, end: number): void {
    let match: KeyEntry | undefined;
    if (this.escaped) {
      const key = this.text(start, end);
      const child = want.members?.get(key);
      match = child ? [EMPTY, key, child] : undefined;
    } else {
      for (const entry of keyTable(want)[end - start - 2] ?? []) if (this.startsWith(start + 1, entry[0])) match = entry;
    }
    if (match) {
      frame.key = match[1];
      frame.memberWant = match[2];
    } else if (want.anyMember) {
      frame.key = this.text(start, end);
      frame.memberWant = want.anyMember;
    } else frame.memberWant = undefined;
    frame.keepMember = frame.memberWant !== undefined;
  }

  /** What to keep of a container that starts here (undefined: nothing), from its parent's wants. */
  private wantOfContainer(isObject: boolean): Want | undefined {
    if (this.depth === 0) return this.rootWant;
    const parent = this.top();
    if (parent.isObject) return parent.keepMember ? parent.memberWant : undefined;
    // Arrays are walked one level, as the scanners nest findings: an array of arrays is not a list of findings.
    return isObject ? parent.elementWant : undefined;
  }

  private openContainer(isObject: boolean): void {
    const want = this.wantOfContainer(isObject);
    const start = this.pos;
    this.depth++;
    const frame = (this.frames[this.depth - 1] ??= new Frame());
    frame.isObject = isObject;
    frame.commaEnd = -1;
    frame.keepMember = false;
    frame.want = isObject ? want : undefined;
    frame.elementWant = !isObject && want && hasMembers(want) ? want : undefined;
    frame.node = want?.finding !== undefined && isObject ? this.findingNode(frame, start) : want ? newNode(isObject, start) : undefined;
    this.pos++;
    this.state = isObject ? OBJECT_FIRST : ARRAY_FIRST;
  }

  /**
   * Findings are the bulk of a report and are forgotten once handed over, so their nodes and
   * members are reused: a report of 100,000 findings allocates a handful instead of 500,000.
   */
  private findingNode(frame: Frame, start: number): ObjectLayout {
    const node = frame.spare?.reuse(start) ?? new ObjectLayout(start);
    frame.spare = node;
    return node;
  }

  private closeContainer(isObject: boolean): void {
    const frame = this.top();
    const end = this.pos;
    let node = frame.node;
    if (node) node.end = end;
    this.depth--;
    const kind = frame.want?.finding;
    if (kind !== undefined && node?.kind === 'object') {
      const parent = this.depth > 0 ? this.top() : undefined;
      this.onFinding(kind, node, parent?.isObject ? parent.key : undefined);
      // Handed over: the parent keeps no reference, so the node is garbage from here on.
      node = undefined;
    }
    if (frame.want?.transient) node = undefined;
    this.valueDone(isObject ? 'object' : 'array', end + 1, node);
  }

  /** Records a finished value in its parent (or as the root) and moves to the parent's next state. */
  private valueDone(type: JsonType, end: number, node: ObjectNode | ArrayNode | undefined): void {
    this.pos = end;
    if (this.depth === 0) {
      this.rootType = type;
      this.root = node;
      this.state = DONE;
      return;
    }
    const frame = this.top();
    if (frame.isObject) {
      this.memberDone(frame, type, end, node);
      this.state = OBJECT_AFTER_VALUE;
    } else {
      this.elementDone(frame, end, node);
      this.state = ARRAY_AFTER_VALUE;
    }
  }

  private memberDone(frame: Frame, type: JsonType, end: number, node: ObjectNode | ArrayNode | undefined): void {
    const parent = frame.node;
    if (parent?.kind !== 'object') return;
    recordLayout(parent, frame.keyStart, end, frame.commaEnd);
    parent.lastKeyEnd = frame.keyEnd;
    parent.lastValueStart = frame.valueStart;
    if (!frame.keepMember) return;
    // The text is decoded when read: most kept strings (a finding's second ID) never are.
    parent.keep(this.bytes, frame.key, type, frame.valueStart, end, type === 'string' && this.escaped, node);
  }

  private elementDone(frame: Frame, end: number, node: ObjectNode | ArrayNode | undefined): void {
    const parent = frame.node;
    if (parent?.kind !== 'array') return;
    recordLayout(parent, frame.valueStart, end, frame.commaEnd);
    // Objects without a kept member cannot be findings; dropping them keeps memory to the findings.
    if (node?.kind === 'object' && node.members.length > 0) parent.add(node);
  }

  private startsWith(at: number, word: Uint8Array): boolean {
    for (let index = 0; index < word.length; index++) if (this.bytes[at + index] !== word[index]) return false;
    return true;
  }

  private top(): Frame {
    return this.frames[this.depth - 1] as Frame;
  }

  private skipSpace(): number {
    const bytes = this.bytes;
    let at = this.pos;
    while (at < bytes.length && isSpace(bytes[at])) at++;
    this.pos = at;
    return at;
  }

  /** End of the string that starts at `start` (just after its closing quote), validating escapes. */
  private stringEnd(start: number): number {
    const bytes = this.bytes;
    const length = bytes.length;
    this.escaped = false;
    let at = start + 1;
    for (;;) {
      if (at >= length) throw new JsonSyntaxError('unexpected end of input inside a string', at);
      const byte = bytes[at] as number;
      if (byte === QUOTE) return at + 1;
      if (byte === BACKSLASH) {
        at = this.escapeEnd(at);
        continue;
      }
      if (byte < 0x20) throw new JsonSyntaxError(`control character 0x${byte.toString(16).padStart(2, '0')} inside a string (it must be escaped)`, at);
      at++;
    }
  }

  private escapeEnd(at: number): number {
    const bytes = this.bytes;
    this.escaped = true;
    const kind = bytes[at + 1];
    if (kind === 0x75) {
      for (let digit = at + 2; digit < at + 6; digit++) if (!isHex(bytes[digit])) throw new JsonSyntaxError('\\u escape without four hexadecimal digits', at);
      return at + 6;
    }
    if (kind === undefined || !ESCAPABLE.has(kind)) throw new JsonSyntaxError('invalid escape in a string', at);
    return at + 2;
  }

  /** End of the number that starts at `start`, checked against JSON's grammar, never converted. */
  private numberEnd(start: number): number {
    const bytes = this.bytes;
    let at = start;
    if (bytes[at] === MINUS) at++;
    if (bytes[at] === DIGIT_0) at++;
    else if (isDigit(bytes[at])) while (isDigit(bytes[at])) at++;
    else throw new JsonSyntaxError('invalid number', start);
    if (bytes[at] === DOT) {
      at++;
      if (!isDigit(bytes[at])) throw new JsonSyntaxError('invalid number (no digit after the decimal point)', start);
      while (isDigit(bytes[at])) at++;
    }
    if (bytes[at] === 0x65 || bytes[at] === 0x45) {
      at++;
      if (bytes[at] === PLUS || bytes[at] === MINUS) at++;
      if (!isDigit(bytes[at])) throw new JsonSyntaxError('invalid number (no digit in the exponent)', start);
      while (isDigit(bytes[at])) at++;
    }
    return at;
  }

  /** The text of a string token [start, end) that was just read (so `escaped` is its own). */
  private text(start: number, end: number): string {
    return decodeString(this.bytes, start, end, this.escaped);
  }

  private unexpected(where: string): JsonSyntaxError {
    const byte = this.bytes[this.pos];
    const shown = byte === undefined ? 'end of input' : byte >= 0x20 && byte < 0x7f ? `'${String.fromCharCode(byte)}'` : `byte 0x${byte.toString(16).padStart(2, '0')}`;
    return new JsonSyntaxError(`unexpected ${shown}${where ? ` ${where}` : ''}`, this.pos);
  }
}

function hasMembers(want: Want): boolean {
  return want.members !== undefined || want.anyMember !== undefined;
}

function isSpace(byte: number | undefined): boolean {
  return byte === 0x20 || byte === 0x0a || byte === 0x0d || byte === 0x09;
}

class KeptMember implements Member {
  key = '';
  type: JsonType = 'null';
  valueStart = 0;
  valueEnd = 0;
  node: ObjectNode | ArrayNode | undefined = undefined;
  private bytes: Buffer = EMPTY;
  private escaped = false;
  private decoded: string | undefined | null = null;

  set(bytes: Buffer, key: string, type: JsonType, valueStart: number, valueEnd: number, escaped: boolean, node: ObjectNode | ArrayNode | undefined): this {
    this.bytes = bytes;
    this.key = key;
    this.type = type;
    this.valueStart = valueStart;
    this.valueEnd = valueEnd;
    this.escaped = escaped;
    this.node = node;
    this.decoded = null;
    return this;
  }

  get text(): string | undefined {
    if (this.decoded === null) {
      const short = this.type === 'string' && this.valueEnd - this.valueStart - 2 <= TEXT_CAP_BYTES;
      this.decoded = short ? decodeString(this.bytes, this.valueStart, this.valueEnd, this.escaped) : undefined;
    }
    return this.decoded;
  }
}

/** A wanted key as bytes, its text and what to keep of its value. */
type KeyEntry = readonly [bytes: Uint8Array, key: string, want: Want];

const keyTables = new WeakMap<Want, KeyEntry[][]>();

/** A Want's keys indexed by byte length, built once per Want. */
function keyTable(want: Want): KeyEntry[][] {
  let table = keyTables.get(want);
  if (!table) {
    table = [];
    for (const [key, child] of want.members ?? []) {
      const bytes = Buffer.from(key, 'utf8');
      (table[bytes.length] ??= []).push([bytes, key, child]);
    }
    keyTables.set(want, table);
  }
  return table;
}

/** The text of the JSON string token [start, end), quotes excluded and escapes resolved. */
function decodeString(bytes: Buffer, start: number, end: number, escaped: boolean): string {
  return escaped ? (JSON.parse(bytes.toString('utf8', start, end)) as string) : bytes.toString('utf8', start + 1, end - 1);
}

// Classes, not object literals: one fixed shape per kind keeps a report of 100,000 findings fast.
class ObjectLayout implements ObjectNode {
  readonly kind = 'object';
  end = -1;
  count = 0;
  firstStart = -1;
  lastStart = -1;
  lastEnd = -1;
  lastCommaEnd = -1;
  lastKeyEnd = -1;
  lastValueStart = -1;
  members: KeptMember[] = [];
  start: number;
  /** Members of an earlier use of this node, to be reused. */
  private readonly spareMembers: KeptMember[] = [];

  constructor(start: number) {
    this.start = start;
  }

  keep(bytes: Buffer, key: string, type: JsonType, valueStart: number, valueEnd: number, escaped: boolean, node: ObjectNode | ArrayNode | undefined): void {
    this.members.push((this.spareMembers.pop() ?? new KeptMember()).set(bytes, key, type, valueStart, valueEnd, escaped, node));
  }

  /** The node emptied for another object at `start`. */
  reuse(start: number): this {
    for (const member of this.members) this.spareMembers.push(member.set(EMPTY, '', 'null', 0, 0, false, undefined));
    this.members.length = 0;
    this.start = start;
    this.end = -1;
    this.count = 0;
    this.firstStart = -1;
    this.lastStart = -1;
    this.lastEnd = -1;
    this.lastCommaEnd = -1;
    this.lastKeyEnd = -1;
    this.lastValueStart = -1;
    return this;
  }
}

class ArrayLayout implements ArrayNode {
  readonly kind = 'array';
  end = -1;
  count = 0;
  firstStart = -1;
  lastStart = -1;
  lastEnd = -1;
  lastCommaEnd = -1;
  start: number;
  /** Made on the first kept object: most kept arrays (a finding's References) keep none. */
  private kept: ObjectNode[] | undefined = undefined;

  constructor(start: number) {
    this.start = start;
  }

  get objects(): readonly ObjectNode[] {
    return this.kept ?? NO_OBJECTS;
  }

  add(node: ObjectNode): void {
    (this.kept ??= []).push(node);
  }
}

const NO_OBJECTS: readonly ObjectNode[] = [];

function newNode(isObject: boolean, start: number): ObjectLayout | ArrayLayout {
  return isObject ? new ObjectLayout(start) : new ArrayLayout(start);
}

function recordLayout(layout: Layout, start: number, end: number, commaEnd: number): void {
  if (layout.count === 0) layout.firstStart = start;
  layout.count++;
  layout.lastStart = start;
  layout.lastEnd = end;
  layout.lastCommaEnd = layout.count > 1 ? commaEnd : -1;
}

const BOM = Buffer.from([0xef, 0xbb, 0xbf]);

/**
 * Reads `bytes` as one JSON text and keeps what `rootWant` asks for. A leading UTF-8 byte order
 * mark is allowed (Windows tools write one) and stays in the bytes; anything else that is not
 * JSON throws a JsonSyntaxError naming the first problem. Findings go to `onFinding` in
 * document order, before the end of the text is validated.
 */
export function readSkeleton(bytes: Buffer, rootWant: Want, onFinding: FindingSink = () => {}): Skeleton {
  const bomLength = bytes.subarray(0, 3).equals(BOM) ? 3 : 0;
  const { rootType, root } = new Scanner(bytes, rootWant, bomLength, onFinding).run();
  return { bytes, bomLength, rootType, root };
}

/** "line 3, column 14" of a byte offset, for error messages (columns count bytes). */
export function lineAndColumn(bytes: Buffer, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let at = bytes.indexOf(0x0a); at !== -1 && at < offset; at = bytes.indexOf(0x0a, at + 1)) {
    line++;
    lineStart = at + 1;
  }
  return `line ${line}, column ${offset - lineStart + 1}`;
}
