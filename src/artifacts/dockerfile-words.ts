/**
 * Word-level lexing of Dockerfile lines, ported from BuildKit
 * (moby/buildkit frontend/dockerfile/parser/line_parsers.go, split_command.go, parser.go and
 * frontend/dockerfile/shell/lex.go) so that Bulkhead reads flags, key=value pairs, heredoc
 * markers and variable references the way `docker build` does. Every function is one pass over
 * its input: characters are collected in arrays and joined once, never concatenated in a loop.
 */

/** Go's unicode.IsSpace, which BuildKit uses to split words; JavaScript's \s differs (U+FEFF, U+0085). */
export function isGoSpaceCode(code: number): boolean {
  if (code <= 0x20) return code === 0x20 || (code >= 0x09 && code <= 0x0d);
  if (code < 0x85) return false;
  return code === 0x85 || code === 0xa0 || code === 0x1680 || (code >= 0x2000 && code <= 0x200a) || code === 0x2028 || code === 0x2029 || code === 0x202f || code === 0x205f || code === 0x3000;
}

/** strings.TrimSpace / TrimLeftFunc(unicode.IsSpace). */
export function trimGoSpace(text: string, side: 'both' | 'start' = 'both'): string {
  let start = 0;
  let end = text.length;
  while (start < end && isGoSpaceCode(text.charCodeAt(start))) start++;
  if (side === 'both') while (end > start && isGoSpaceCode(text.charCodeAt(end - 1))) end--;
  return start === 0 && end === text.length ? text : text.slice(start, end);
}

/** The separators of `reWhitespace` ([\t\v\f\r ]+), which split the keyword from its arguments. */
function isKeywordSeparator(ch: string): boolean {
  return ch === ' ' || ch === '\t' || ch === '\v' || ch === '\f' || ch === '\r';
}

/** splitCommand: the keyword and everything after the first run of separators. */
export function splitKeyword(line: string): { keyword: string; rest: string } {
  const trimmed = trimGoSpace(line);
  let end = 0;
  while (end < trimmed.length && !isKeywordSeparator(trimmed[end] ?? '')) end++;
  let restStart = end;
  while (restStart < trimmed.length && isKeywordSeparator(trimmed[restStart] ?? '')) restStart++;
  return { keyword: trimmed.slice(0, end), rest: trimmed.slice(restStart) };
}

/**
 * extractBuilderFlags: leading `--name[=value]` words (quotes and the escape character
 * processed) and the text after them. A bare `--` ends the flags.
 */
export function extractBuilderFlags(line: string, escape: string): { flags: string[]; rest: string } {
  const flags: string[] = [];
  let position = 0;
  for (;;) {
    while (position < line.length && isGoSpaceCode(line.charCodeAt(position))) position++;
    if (position >= line.length) return { flags, rest: '' };
    if (!line.startsWith('--', position)) return { flags, rest: line.slice(position) };
    const word: string[] = [];
    let quote = '';
    let blankOk = false;
    for (; position < line.length; position++) {
      let ch = line[position] ?? '';
      if (quote) {
        if (ch === quote) {
          quote = '';
          continue;
        }
      } else if (isGoSpaceCode(ch.charCodeAt(0))) {
        break;
      } else if (ch === "'" || ch === '"') {
        quote = ch;
        blankOk = true;
        continue;
      }
      if (ch === escape) {
        if (position + 1 === line.length) continue;
        position++;
        ch = line[position] ?? '';
      }
      word.push(ch);
    }
    const text = word.join('');
    if (text === '--') return { flags, rest: line.slice(position) };
    if (blankOk || text.length > 0) flags.push(text);
  }
}

/**
 * parseWords: whitespace-separated words with their quotes kept (ENV, LABEL and ARG split their
 * arguments this way before `key=value` is cut at the first `=`).
 */
export function parseWords(rest: string, escape: string): string[] {
  const words: string[] = [];
  let word: string[] = [];
  let inWord = false;
  let quote = '';
  let blankOk = false;
  const finish = () => {
    if (blankOk || word.length > 0) words.push(word.join(''));
    word = [];
    inWord = false;
    blankOk = false;
  };
  for (let position = 0; position < rest.length; position++) {
    let ch = rest[position] ?? '';
    if (quote) {
      if (ch === quote) quote = '';
      // The escape character escapes inside double quotes, never inside single quotes.
      else if (ch === escape && quote !== "'") {
        if (position + 1 === rest.length) continue;
        word.push(ch);
        position++;
        ch = rest[position] ?? '';
      }
      word.push(ch);
      continue;
    }
    if (isGoSpaceCode(ch.charCodeAt(0))) {
      if (inWord) finish();
      continue;
    }
    inWord = true;
    if (ch === "'" || ch === '"') {
      quote = ch;
      blankOk = true;
    } else if (ch === escape) {
      if (position + 1 === rest.length) continue;
      word.push(ch);
      position++;
      ch = rest[position] ?? '';
    }
    word.push(ch);
  }
  if (inWord) finish();
  return words;
}

/**
 * The words heredocsFromLine() looks at: shell words with quotes and escapes kept raw, `<<`
 * glued to the whitespace after it. Undefined when the line does not lex (an unclosed quote),
 * in which case BuildKit finds no heredoc in it.
 */
export function rawShellWords(line: string): string[] | undefined {
  // Everything stays raw, so a word is the slice of the line from its first character to the
  // whitespace that ends it.
  const words: string[] = [];
  let start = -1;
  for (let position = 0; position < line.length; position++) {
    const ch = line[position];
    if (isGoSpaceCode(line.charCodeAt(position))) {
      if (start >= 0) words.push(line.slice(start, position));
      start = -1;
      continue;
    }
    if (start < 0) start = position;
    if (ch === "'" || ch === '"') {
      position = closingQuote(line, position);
      if (position < 0) return undefined;
    } else if (ch === '<' && line[position + 1] === '<') {
      // `<<` takes the blanks after it into its word: `<< EOF` is one word.
      position += 2;
      while (line[position] === ' ' || line[position] === '\t' || line[position] === '\r') position++;
      position--;
    } else if (ch === '\\') {
      // An escape keeps the character after it in the word, even a blank.
      position++;
    }
  }
  if (start >= 0) words.push(line.slice(start));
  return words;
}

/** Index of the quote closing the one at `open` (backslash escapes inside double quotes), or -1. */
function closingQuote(line: string, open: number): number {
  const quote = line[open];
  for (let position = open + 1; position < line.length; position++) {
    const ch = line[position];
    if (ch === quote) return position;
    if (quote === '"' && ch === '\\') position++;
  }
  return -1;
}

export interface HeredocMarker {
  name: string;
  /** `<<-`: leading tabs are stripped from the body and the terminator. */
  chomp: boolean;
  /** False when the name was quoted: the body is then not subject to variable expansion. */
  expand: boolean;
}

// reHeredoc in parser.go; Go's \s is [\t\n\f\r ].
const HEREDOC_WORD = /^(\d*)<<(-?)[\t\n\f\r ]*([^<]*)$/;

/** ParseHeredoc: a word such as `<<EOF`, `<<-'EOF'` or `3<<EOF`; undefined for anything else. */
export function parseHeredocWord(word: string): HeredocMarker | undefined {
  const match = HEREDOC_WORD.exec(word);
  const rest = match?.[3] ?? '';
  if (!match || rest === '') return undefined;
  const expanded = expandWord(rest, '\\', () => undefined);
  const name = renderParts(expanded.parts);
  if (expanded.error || name === '') return undefined;
  return { name, chomp: match[2] === '-', expand: !expanded.quoted };
}

/** A piece of an expanded word: literal text, or a variable whose value the Dockerfile does not tell. */
export type WordPart = string | { variable: string; source: string };

export interface ExpandedWord {
  parts: WordPart[];
  /** Some of the word was in quotes. */
  quoted: boolean;
  /** The word does not lex (BuildKit fails the build); `parts` then holds the word as written. */
  error?: string;
}

/** The text of an expanded word, unresolved variables written as in the source. */
export function renderParts(parts: readonly WordPart[]): string {
  return parts.map((part) => (typeof part === 'string' ? part : part.source)).join('');
}

class WordError extends Error {}

/**
 * ProcessWord: removes quotes, applies the escape character and expands `$NAME`, `${NAME}` and
 * `${NAME:-word}`-style references with `lookup`. A variable `lookup` does not know stays a
 * `{ variable }` part instead of becoming "" so that a rule can tell "unknown" from "empty".
 */
export function expandWord(word: string, escape: string, lookup: (name: string) => string | undefined): ExpandedWord {
  // Most words hold nothing to process; they are their own value.
  if (!/['"$]/.test(word) && !word.includes(escape)) return { parts: word === '' ? [] : [word], quoted: false };
  const lexer = new WordLexer(word, escape, lookup);
  try {
    const parts = lexer.until(undefined);
    return { parts: mergeText(parts), quoted: lexer.quoted };
  } catch (error) {
    if (!(error instanceof WordError)) throw error;
    return { parts: [{ variable: '', source: word }], quoted: lexer.quoted, error: error.message };
  }
}

function mergeText(parts: WordPart[]): WordPart[] {
  const merged: WordPart[] = [];
  let text: string[] = [];
  for (const part of parts) {
    if (typeof part === 'string') {
      text.push(part);
      continue;
    }
    if (text.length > 0) merged.push(text.join(''));
    text = [];
    merged.push(part);
  }
  if (text.length > 0) merged.push(text.join(''));
  return merged;
}

// Nested ${…:-${…}} deeper than this is refused as a lex error instead of exhausting the call stack.
const MAX_NESTING = 64;

// isSpecialParam in lex.go: $@, $*, $#, … are never set in a Dockerfile.
const SPECIAL_PARAMETERS = new Set(['@', '*', '#', '?', '-', '$', '!', '0']);

/** The scanner behind expandWord, one character at a time like lex.go's processStopOn. */
class WordLexer {
  private position = 0;
  private depth = 0;
  quoted = false;
  private readonly text: string;
  private readonly escape: string;
  private readonly lookup: (name: string) => string | undefined;

  constructor(text: string, escape: string, lookup: (name: string) => string | undefined) {
    this.text = text;
    this.escape = escape;
    this.lookup = lookup;
  }

  private peek(): string | undefined {
    return this.text[this.position];
  }

  private next(): string | undefined {
    return this.text[this.position++];
  }

  /** Reads parts until `stop` (consumed) or the end of the word. */
  until(stop: string | undefined): WordPart[] {
    if (++this.depth > MAX_NESTING) throw new WordError('substitutions nested too deeply');
    try {
      return this.partsUntil(stop);
    } finally {
      this.depth--;
    }
  }

  private partsUntil(stop: string | undefined): WordPart[] {
    const parts: WordPart[] = [];
    for (let ch = this.peek(); ch !== undefined; ch = this.peek()) {
      if (ch === stop) {
        this.next();
        return parts;
      }
      if (ch === '$') for (const part of this.dollar()) parts.push(part);
      else if (ch === "'") parts.push(this.singleQuoted());
      else if (ch === '"') for (const part of this.doubleQuoted()) parts.push(part);
      else {
        this.next();
        if (ch === this.escape) {
          const escaped = this.next();
          if (escaped === undefined) break;
          parts.push(escaped);
        } else parts.push(ch);
      }
    }
    if (stop !== undefined) throw new WordError(`missing ${stop}`);
    return parts;
  }

  private singleQuoted(): string {
    this.next();
    this.quoted = true;
    const close = this.text.indexOf("'", this.position);
    if (close < 0) throw new WordError('unterminated single quote');
    const content = this.text.slice(this.position, close);
    this.position = close + 1;
    return content;
  }

  private doubleQuoted(): WordPart[] {
    this.next();
    this.quoted = true;
    const parts: WordPart[] = [];
    for (;;) {
      const ch = this.peek();
      if (ch === undefined) throw new WordError('unterminated double quote');
      if (ch === '"') {
        this.next();
        return parts;
      }
      if (ch === '$') {
        for (const part of this.dollar()) parts.push(part);
        continue;
      }
      this.next();
      const following = this.peek();
      if (ch === this.escape && (following === '"' || following === '$' || following === this.escape)) {
        parts.push(following);
        this.next();
      } else parts.push(ch);
    }
  }

  /** processName: digits, one special parameter, or letters, digits and underscores. */
  private name(): string {
    const start = this.position;
    const first = this.peek();
    if (first !== undefined && /\d/.test(first)) {
      while (/\d/.test(this.peek() ?? '')) this.next();
      return this.text.slice(start, this.position);
    }
    if (first !== undefined && SPECIAL_PARAMETERS.has(first)) {
      this.next();
      return first;
    }
    while (/[\p{L}\p{Nd}_]/u.test(this.peek() ?? '')) this.next();
    return this.text.slice(start, this.position);
  }

  private dollar(): WordPart[] {
    const start = this.position;
    this.next();
    if (this.peek() !== '{') {
      const name = this.name();
      if (name === '') return ['$'];
      return [this.value(name, this.text.slice(start, this.position))];
    }
    this.next();
    const first = this.peek();
    if (first === undefined || first === '{' || first === '}' || first === ':') throw new WordError('bad substitution');
    const name = this.name();
    const modifier = this.next();
    if (modifier === '}') return [this.value(name, this.text.slice(start, this.position))];
    if (modifier === '/') {
      // ${NAME/pattern/replacement}: a pattern replacement Bulkhead does not evaluate.
      this.until('/');
      this.until('}');
      return [{ variable: name, source: this.text.slice(start, this.position) }];
    }
    const colon = modifier === ':';
    const operator = colon ? this.next() : modifier;
    if (operator === undefined || !'+-?#%'.includes(operator) || (colon && (operator === '#' || operator === '%'))) throw new WordError('unsupported modifier');
    const word = this.until('}');
    const source = this.text.slice(start, this.position);
    const value = this.lookup(name);
    if (value === undefined) return [{ variable: name, source }];
    const empty = colon && value === '';
    switch (operator) {
      case '-': return empty ? word : [value];
      case '+': return empty ? [] : word;
      case '?':
        if (empty) throw new WordError(`${name} is not allowed to be empty`);
        return [value];
      default:
        // ${NAME#pattern} and ${NAME%pattern} trim by shell pattern: not evaluated, so unknown.
        return [{ variable: name, source }];
    }
  }

  private value(name: string, source: string): WordPart {
    return this.lookup(name) ?? { variable: name, source };
  }
}
