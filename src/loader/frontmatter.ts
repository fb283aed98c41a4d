import { isMap, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';

export interface ParsedFile {
  data: unknown;
  body: string;
  /** 1-based line of the body's first line in the file. */
  bodyLine: number;
  /** 1-based line in the file where the value at a field path starts, if known. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}

export class FrontmatterError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line?: number) {
    super(message);
    this.line = line;
  }
}

const FENCE = /^---\r?\n([\s\S]*?)\r?\n---\r?\n?/;

/** Splits an MDX file into YAML frontmatter and body, keeping line numbers for error messages. */
export function parseMdx(text: string): ParsedFile {
  const match = FENCE.exec(text);
  if (!match) throw new FrontmatterError('no YAML frontmatter: the file must start with a line "---", the fields, and another "---"', 1);
  const yamlText = match[1] ?? '';
  const parsed = parseYaml(yamlText, 1);
  const body = text.slice(match[0].length);
  return { ...parsed, body, bodyLine: match[0].split('\n').length };
}

/** Parses a YAML data file (a source) with the same line tracking. */
export function parseYamlFile(text: string): ParsedFile {
  return { ...parseYaml(text, 0), body: '', bodyLine: 0 };
}

function parseYaml(text: string, lineOffset: number): Pick<ParsedFile, 'data' | 'lineOf'> {
  const lineCounter = new LineCounter();
  const document = parseDocument(text, { lineCounter, prettyErrors: false });
  const [firstError] = document.errors;
  if (firstError) {
    const line = firstError.linePos?.[0]?.line;
    throw new FrontmatterError(`invalid YAML: ${firstError.message.split('\n')[0]}`, line === undefined ? undefined : line + lineOffset);
  }
  return {
    data: document.toJS(),
    lineOf(path) {
      let node: Node | null | undefined = document.contents;
      let lastFound: Node | null | undefined = node;
      // A block map or list under a key starts on the next line; the key's own line is where a reader looks.
      let keyOfFound: Node | null | undefined;
      for (const key of path) {
        let keyNode: Node | null | undefined;
        if (isMap(node)) {
          const pair = node.items.find((item) => (isScalar(item.key) ? item.key.value : item.key) === key);
          keyNode = pair?.key as Node | null | undefined;
          node = pair?.value as Node | null | undefined;
        } else if (isSeq(node) && typeof key === 'number') node = node.get(key, true) as Node | undefined;
        else node = undefined;
        if (!node) break;
        lastFound = node;
        keyOfFound = keyNode;
      }
      const target = node ?? lastFound;
      const offset = (target && (isMap(target) || isSeq(target)) && !target.flow && keyOfFound ? keyOfFound : target)?.range?.[0];
      if (offset === undefined) return undefined;
      return lineCounter.linePos(offset).line + lineOffset;
    },
  };
}

