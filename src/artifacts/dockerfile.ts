/**
 * A Dockerfile/Containerfile reader that keeps line numbers. It follows BuildKit's parser
 * (moby/buildkit frontend/dockerfile/parser/parser.go, directives.go): byte-order mark, parser
 * directives, comments, line continuations, flags, heredocs and multi-stage builds, so that rules
 * see the instructions `docker build` sees. It never executes anything, and it reads each line
 * once: a megabyte of continuations or heredoc takes milliseconds.
 */
import { expandWord, extractBuilderFlags, isGoSpaceCode, parseHeredocWord, parseWords, rawShellWords, renderParts, splitKeyword, trimGoSpace } from './dockerfile-words.ts';

export interface DockerfileHeredoc {
  /** The delimiter, unquoted: `EOF` for `<<EOF`, `<<-EOF` and `<<'EOF'`. */
  name: string;
  /** The body as the build uses it: lines with their newlines, leading tabs removed for `<<-`. */
  content: string;
  /** False when the delimiter was quoted: the build does not expand variables in the body. */
  expand: boolean;
  /** Line of the body's first line. */
  line: number;
}

export interface DockerfileInstruction {
  /** Upper-case keyword: FROM, RUN, USER, … */
  keyword: string;
  /** Everything after the keyword and its flags; continuation lines are joined as BuildKit joins them (no separator added). */
  args: string;
  /** `--platform=…`, `--chown=…`, `--checksum=…`: flag name to value ("" when given without one). */
  flags: Readonly<Record<string, string>>;
  line: number;
  column: number;
  /** 0-based build stage the instruction belongs to (-1 for ARGs before the first FROM). */
  stage: number;
  /** Heredoc bodies, in order; only RUN, COPY and ADD (also after ONBUILD) have them, as in BuildKit. */
  heredocs: readonly DockerfileHeredoc[];
}

export interface DockerfileStage {
  index: number;
  /** The image reference after FROM, as written (may contain ${ARG} references). */
  image: string;
  /** The name given with `AS name`, lower-case as BuildKit compares it. */
  alias?: string;
  from: DockerfileInstruction;
}

export interface Dockerfile {
  instructions: DockerfileInstruction[];
  stages: DockerfileStage[];
  /** The escape and line-continuation character: `\`, or a backtick set with `# escape=`. */
  escape: string;
  /** Parser directives read at the top of the file, by lower-case name: syntax, escape, check. */
  directives: Record<string, string>;
}

const KNOWN_DIRECTIVES = new Set(['syntax', 'escape', 'check']);
const HEREDOC_KEYWORDS = new Set(['RUN', 'COPY', 'ADD']);

/**
 * The file's lines as bufio.Scanner with parser.go's scanLines yields them (a final newline
 * starts no new line), kept as offsets into the text: a line is sliced only when it is used,
 * so a megabyte of continuation lines is one pass and one slice per line.
 */
class SourceLines {
  readonly count: number;
  readonly endsWithNewline: boolean;
  readonly text: string;
  private readonly starts: number[] = [0];

  constructor(text: string) {
    // BuildKit strips a UTF-8 byte-order mark from the first line only.
    this.text = text.startsWith('\uFEFF') ? text.slice(1) : text;
    for (let newline = this.text.indexOf('\n'); newline >= 0; newline = this.text.indexOf('\n', newline + 1)) this.starts.push(newline + 1);
    this.endsWithNewline = this.starts.at(-1) === this.text.length;
    this.count = this.endsWithNewline ? this.starts.length - 1 : this.starts.length;
  }

  start(index: number): number {
    return this.starts[index] ?? this.text.length;
  }

  /** End of the line without its newline (`\n`, and `\r` before it: trimNewline). */
  end(index: number): number {
    let end = index + 1 < this.starts.length ? this.start(index + 1) - 1 : this.text.length;
    while (end > this.start(index) && (this.text[end - 1] === '\r' || this.text[end - 1] === '\n')) end--;
    return end;
  }

  /** The line without its newline characters. */
  line(index: number): string {
    return this.text.slice(this.start(index), this.end(index));
  }

  /** The line as the file has it, `\r` included, without the `\n`. */
  raw(index: number): string {
    const end = index + 1 < this.starts.length ? this.start(index + 1) - 1 : this.text.length;
    return this.text.slice(this.start(index), end);
  }

  /** Offset of the first character that is not white space, from `from` up to `end`. */
  skipSpace(from: number, end: number): number {
    let position = from;
    while (position < end && isGoSpaceCode(this.text.charCodeAt(position))) position++;
    return position;
  }
}

/** trimNewline: drops trailing \r and \n (a CRLF file reads like an LF file). */
function trimNewline(line: string): string {
  let end = line.length;
  while (end > 0 && (line[end - 1] === '\r' || line[end - 1] === '\n')) end--;
  return end === line.length ? line : line.slice(0, end);
}

const DIRECTIVE_NAME = /^([a-zA-Z][a-zA-Z0-9]*)[\t\n\f\r ]*=/;

/** DirectiveParser.ParseLine: `# name = value` → name and value, or undefined. */
function directiveOf(line: string): { name: string; value: string } | undefined {
  const comment = trimGoSpace(trimNewline(line), 'start');
  if (!comment.startsWith('#')) return undefined;
  const body = trimGoSpace(comment.slice(1), 'start');
  const match = DIRECTIVE_NAME.exec(body);
  if (!match) return undefined;
  // The rest of Go's `\s*=\s*(.+?)\s*$`, without a backtracking regex on a possibly huge line.
  const rest = body.slice(match[0].length);
  const value = trimGoSpace(rest);
  if (rest === '') return undefined;
  return { name: (match[1] ?? '').toLowerCase(), value: value === '' ? rest.slice(-1) : value };
}

/**
 * Parser directives are read from the very first lines only: the first line that is not a
 * directive (blank line, comment, instruction, or a directive-like comment with an unknown name)
 * ends them, as in BuildKit's DirectiveParser. An invalid escape keeps the default `\`.
 */
function readDirectives(lines: SourceLines): { escape: string; directives: Record<string, string> } {
  const directives: Record<string, string> = {};
  let escape = '\\';
  for (let index = 0; index < lines.count; index++) {
    const directive = directiveOf(lines.line(index));
    if (!directive || !KNOWN_DIRECTIVES.has(directive.name)) break;
    // BuildKit refuses a repeated directive; the first one stays in force here.
    if (directive.name in directives) continue;
    directives[directive.name] = directive.value;
    if (directive.name === 'escape' && (directive.value === '`' || directive.value === '\\')) escape = directive.value;
  }
  return { escape, directives };
}

/**
 * lineContinuationRegex `([^E])E[ \t]*$|^E[ \t]*$` on text[from, end): the escape character at
 * the end (trailing blanks allowed), not itself escaped, continues the line. Returns where the
 * line's text ends: before the escape character when it continues.
 */
function continuation(text: string, from: number, end: number, escape: string): { end: number; continues: boolean } {
  let last = end;
  while (last > from && (text[last - 1] === ' ' || text[last - 1] === '\t')) last--;
  if (last === from || text[last - 1] !== escape || (last - 2 >= from && text[last - 2] === escape)) return { end, continues: false };
  return { end: last - 1, continues: true };
}

interface LogicalLine {
  text: string;
  line: number;
  column: number;
}

/**
 * One instruction's text starting at line `start`, continuation lines joined without a
 * separator as BuildKit joins them; comment and blank lines inside a continuation are dropped.
 * No logical line for a comment or blank line.
 */
function readLogicalLine(lines: SourceLines, start: number, escape: string): { logical?: LogicalLine; next: number } {
  const { text } = lines;
  const lineStart = lines.start(start);
  const lineEnd = lines.end(start);
  const first = lines.skipSpace(lineStart, lineEnd);
  if (text[first] === '#' && first < lineEnd) return { next: start + 1 };
  let piece = continuation(text, first, lineEnd, escape);
  if (!piece.continues && piece.end === first) return { next: start + 1 };
  const parts = [text.slice(first, piece.end)];
  let index = start + 1;
  while (piece.continues && index < lines.count) {
    const from = lines.start(index);
    const end = lines.end(index);
    index++;
    const content = lines.skipSpace(from, end);
    if (content === end || text[content] === '#') continue;
    piece = continuation(text, from, end, escape);
    parts.push(text.slice(from, piece.end));
  }
  return { logical: { text: parts.join(''), line: start + 1, column: first - lineStart + 1 }, next: index };
}

function isJsonStringArray(args: string): boolean {
  const trimmed = trimGoSpace(args, 'start');
  if (!trimmed.startsWith('[')) return false;
  try {
    return Array.isArray(JSON.parse(trimmed));
  } catch {
    return false;
  }
}

/** Node.canContainHeredoc: RUN, COPY and ADD in shell form, also as the instruction of ONBUILD. */
function canContainHeredoc(keyword: string, args: string, escape: string): boolean {
  if (keyword === 'ONBUILD') {
    const inner = splitKeyword(args);
    return HEREDOC_KEYWORDS.has(inner.keyword.toUpperCase()) && !isJsonStringArray(extractBuilderFlags(inner.rest, escape).rest);
  }
  return HEREDOC_KEYWORDS.has(keyword) && !isJsonStringArray(args);
}

/** Reads the bodies of the heredocs an instruction opened, from the line after it. */
function readHeredocs(lines: SourceLines, start: number, text: string): { heredocs: DockerfileHeredoc[]; next: number } {
  const markers = (rawShellWords(text) ?? []).map(parseHeredocWord).filter((marker) => marker !== undefined);
  const heredocs: DockerfileHeredoc[] = [];
  let index = start;
  for (const marker of markers) {
    const body: string[] = [];
    const firstLine = index + 1;
    while (index < lines.count) {
      const raw = lines.raw(index);
      index++;
      const line = marker.chomp ? raw.replace(/^\t+/, '') : raw;
      if (trimNewline(line) === marker.name) break;
      // An unterminated heredoc (BuildKit refuses it) takes the rest of the file.
      body.push(index === lines.count && !lines.endsWithNewline ? line : `${line}\n`);
    }
    heredocs.push({ name: marker.name, content: body.join(''), expand: marker.expand, line: firstLine });
  }
  return { heredocs, next: index };
}

// Most instructions have neither flags nor heredocs: they share these, which nothing may change.
const NO_FLAGS: Readonly<Record<string, string>> = Object.freeze({});
const NO_HEREDOCS: readonly DockerfileHeredoc[] = Object.freeze([]);

function flagsOf(words: readonly string[]): Readonly<Record<string, string>> {
  if (words.length === 0) return NO_FLAGS;
  const flags: Record<string, string> = {};
  for (const word of words) {
    const body = word.startsWith('--') ? word.slice(2) : word;
    const equals = body.indexOf('=');
    if (equals < 0) flags[body] = '';
    else flags[body.slice(0, equals)] = body.slice(equals + 1);
  }
  return flags;
}

export function parseDockerfile(text: string): Dockerfile {
  const lines = new SourceLines(text);
  const { escape, directives } = readDirectives(lines);
  const instructions: DockerfileInstruction[] = [];
  const stages: DockerfileStage[] = [];
  let index = 0;
  while (index < lines.count) {
    const { logical, next } = readLogicalLine(lines, index, escape);
    index = next;
    if (!logical) continue;
    const split = splitKeyword(logical.text);
    if (split.keyword === '') continue;
    const keyword = split.keyword.toUpperCase();
    const extracted = extractBuilderFlags(split.rest, escape);
    const args = trimGoSpace(extracted.rest);
    let heredocs = NO_HEREDOCS;
    if (logical.text.includes('<<') && canContainHeredoc(keyword, args, escape)) {
      ({ heredocs, next: index } = readHeredocs(lines, index, logical.text));
    }
    const instruction: DockerfileInstruction = { keyword, args, flags: flagsOf(extracted.flags), line: logical.line, column: logical.column, stage: stages.length - 1, heredocs };
    if (keyword === 'FROM') {
      const [image = '', as, alias] = args.split(/\s+/);
      instruction.stage = stages.length;
      stages.push({ index: stages.length, image, alias: as?.toLowerCase() === 'as' && alias ? alias.toLowerCase() : undefined, from: instruction });
    }
    instructions.push(instruction);
  }
  return { instructions, stages, escape, directives };
}

/** A `key=value` of ENV, ARG or LABEL with its value as written (quotes and `$` references kept). */
export interface RawKeyValue {
  key: string;
  raw: string | undefined;
}

/**
 * parseNameVal / parseNameOrNameVal: the pairs of ENV, ARG and LABEL, including the legacy
 * `ENV key value` form, where the whole rest of the line is the value.
 */
export function rawKeyValues(instruction: DockerfileInstruction, escape = '\\'): RawKeyValue[] {
  const words = parseWords(instruction.args, escape);
  const first = words[0];
  if (first === undefined) return [];
  if ((instruction.keyword === 'ENV' || instruction.keyword === 'LABEL') && !first.includes('=')) {
    const { keyword: key, rest } = splitKeyword(instruction.args);
    return [{ key, raw: rest }];
  }
  return words.map((word) => {
    const equals = word.indexOf('=');
    return equals < 0 ? { key: word, raw: undefined } : { key: word.slice(0, equals), raw: word.slice(equals + 1) };
  });
}

/**
 * The key=value pairs of ENV, ARG and LABEL, including the legacy `ENV key value` form.
 * Quotes and escapes are processed as the build does; `$VAR` references are left as written.
 */
export function keyValues(instruction: DockerfileInstruction, escape = '\\'): { key: string; value: string | undefined }[] {
  return rawKeyValues(instruction, escape).map(({ key, raw }) => ({
    key,
    value: raw === undefined ? undefined : renderParts(expandWord(raw, escape, () => undefined).parts),
  }));
}
