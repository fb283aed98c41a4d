import type { Root, RootContent } from 'mdast';
import remarkMdx from 'remark-mdx';
import remarkParse from 'remark-parse';
import { unified } from 'unified';

/**
 * Entry bodies are Markdown written in MDX syntax. They are rendered to HTML once, when content
 * loads (src/loader/rendered-mdx.ts), so they cannot run imports, exports, components or
 * {expressions} (comments are fine): those need a JavaScript module per entry, which at thousands
 * of entries is what made a build outgrow its memory. Structured facts belong in the frontmatter.
 */
export interface MdxConstruct {
  kind: 'import or export' | 'JSX element' | 'expression' | 'unsafe link';
  /** 1-based line in the text that was parsed. */
  line: number;
  /** The construct's first line, shortened, as an error message shows it. */
  text: string;
}

const KIND: Record<string, MdxConstruct['kind']> = {
  mdxjsEsm: 'import or export',
  mdxJsxFlowElement: 'JSX element',
  mdxJsxTextElement: 'JSX element',
  mdxFlowExpression: 'expression',
  mdxTextExpression: 'expression',
};

export const MDX_ESCAPE_HINT = 'escape a literal { or < as \\{ or \\<, or put it in `code`';
export const UNSAFE_LINK_SUGGESTION = 'link with http, https or mailto, or a relative URL such as /risks/bh-r-001/';
export const MDX_CONSTRUCT_SUGGESTION = `write it in Markdown: entry bodies cannot import, export, use components or {expressions}; put data in the frontmatter, and ${MDX_ESCAPE_HINT}`;

/** `{/* … *\/}` is how MDX writes a comment (the scaffold's prompts are ones): it renders to nothing. */
export function isMdxComment(node: Root | RootContent): boolean {
  return (node.type === 'mdxFlowExpression' || node.type === 'mdxTextExpression') && /^\s*\/\*[\s\S]*\*\/\s*$/.test(node.value) && !node.value.trim().slice(2, -2).includes('*/');
}

const SAFE_SCHEMES = new Set(['http', 'https', 'mailto']);

/**
 * Whether a link or image URL may appear in content: http, https, mailto or a relative URL.
 * Browsers drop tabs and newlines inside a URL and C0 controls and spaces around it before they
 * read the scheme, so `java\tscript:` is `javascript:`; the check reads it the same way.
 */
export function isSafeUrl(url: string): boolean {
  const normalized = url.replace(/[\t\n\r]/g, '').replace(/^[\u0000-\u0020]+/, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(normalized)?.[1];
  return scheme === undefined || SAFE_SCHEMES.has(scheme);
}

/** The MDX-only constructs and unsafe links in a parsed tree, in document order; comments are not among them. */
export function constructsIn(tree: Root, source: string): MdxConstruct[] {
  const found: MdxConstruct[] = [];
  const visit = (node: Root | RootContent): void => {
    if (isMdxComment(node)) return;
    if ((node.type === 'link' || node.type === 'image' || node.type === 'definition') && !isSafeUrl(node.url) && node.position) {
      found.push({ kind: 'unsafe link', line: node.position.start.line, text: node.url.length > 80 ? `${node.url.slice(0, 79)}…` : node.url });
    }
    const kind = KIND[node.type];
    if (kind && node.position) {
      const text = source.slice(node.position.start.offset, node.position.end.offset).split('\n')[0] ?? '';
      found.push({ kind, line: node.position.start.line, text: text.length > 80 ? `${text.slice(0, 79)}…` : text });
      return;
    }
    if ('children' in node) node.children.forEach(visit);
  };
  visit(tree);
  return found;
}

const parser = unified().use(remarkParse).use(remarkMdx);

export class MdxSyntaxError extends Error {
  readonly line: number | undefined;
  constructor(message: string, line: number | undefined) {
    super(message);
    this.line = line;
  }
}

/** Parses `body` as MDX and lists its MDX-only constructs; throws MdxSyntaxError if it is not valid MDX. */
export function mdxConstructs(body: string): MdxConstruct[] {
  let tree: Root;
  try {
    tree = parser.parse(body);
  } catch (error) {
    const line = typeof error === 'object' && error !== null && 'line' in error && typeof error.line === 'number' ? error.line : undefined;
    const reason = typeof error === 'object' && error !== null && 'reason' in error && typeof error.reason === 'string' ? error.reason : String(error);
    throw new MdxSyntaxError(reason, line);
  }
  return constructsIn(tree, body);
}
