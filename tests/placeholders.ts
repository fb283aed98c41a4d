/**
 * Placeholder text ("git clone <bulkhead repository>", "<your org>", TODO) sends a reader back to
 * guess. Two readings of one rule: findPlaceholders() reads the sources people copy from (Markdown,
 * YAML), findPlaceholdersInHtml() the visible text of a built page, so whatever a page is made
 * from (content, components, catalogs, Starlight), what the reader sees is held to it too.
 */

export interface Placeholder {
  file: string;
  line: number;
  text: string;
}

/** Words that, in angle brackets, stand for a value the reader has to supply. */
const FILL_IN = /^(your|my|the|a|an|some|repo|repository|owner|org|organi[sz]ation|user|username|token|secret|password|version|tag|release|url|host|hostname|domain|email|project|placeholder|value|insert|replace|todo|tbd)\b|[ ](repository|url|name|here|version|token|org|owner)\b/i;
/** Real output of commands shown in code blocks. */
const REAL_OUTPUT = new Set(['<none>', '<no value>', '<nil>']);
const MARKERS = /\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum/i;
const ANGLE_PHRASE = /<([a-z][a-z0-9 _.:/-]*)>/gi;

/**
 * Every placeholder in one source file's text, with its line. In running text an angle-bracket
 * phrase with a space or a fill-in word is one; inside a code fence any angle-bracket word is,
 * except real command output.
 */
export function findPlaceholders(file: string, text: string): Placeholder[] {
  const found: Placeholder[] = [];
  let fence: string | undefined;
  text.split('\n').forEach((line, index) => {
    const opening = /^\s*(```+|~~~+)/.exec(line);
    if (opening) {
      fence = fence === undefined ? opening[1] : line.trim().startsWith(fence) ? undefined : fence;
      return;
    }
    const add = (match: string) => found.push({ file, line: index + 1, text: match });
    for (const match of line.matchAll(ANGLE_PHRASE)) {
      const [whole, inner = ''] = match;
      // An MDX component such as <AutomatedChecks />.
      if (/^[A-Z][A-Za-z0-9]*\s*\/$/.test(inner.trim())) continue;
      if (fence !== undefined) {
        if (!REAL_OUTPUT.has(whole)) add(whole);
      } else if (/\s/.test(inner.trim()) || FILL_IN.test(inner)) add(whole);
    }
    const marker = MARKERS.exec(line);
    if (marker) add(marker[0]);
  });
  return found;
}

/** Elements whose content a reader does not see as text. */
const INVISIBLE = new Set(['script', 'style', 'svg', 'template', 'head']);
/**
 * Marks text quoted from a scanner's catalog as its authors wrote it (a /ref/ page's description and
 * remediation, `docker run --cap-add=<Capability 1>`): not Bulkhead's to fill in, and not ours to reword.
 */
const UPSTREAM = /\sdata-upstream-text(?=[\s=>\/])/;
/** Elements whose end is a line break in what a reader sees. */
const BLOCK = /^(p|div|li|tr|td|th|dd|dt|br|pre|h[1-6]|ul|ol|table|section|figure|figcaption|blockquote|summary|details|header|footer|nav|main|aside|dialog|title)$/;
const ENTITIES: Record<string, string> = { lt: '<', gt: '>', amp: '&', quot: '"', apos: "'", nbsp: ' ' };

function decodeEntities(text: string): string {
  return text.replace(/&(#x[0-9a-f]+|#\d+|[a-z]+);/gi, (whole, name: string) => {
    if (name.startsWith('#x') || name.startsWith('#X')) return String.fromCodePoint(Number.parseInt(name.slice(2), 16));
    if (name.startsWith('#')) return String.fromCodePoint(Number(name.slice(1)));
    return ENTITIES[name.toLowerCase()] ?? whole;
  });
}

interface TextRun {
  code: boolean;
  text: string;
}

/**
 * The visible text of a page in runs of prose and code, entities decoded. A code block's text is
 * joined without the tags that colour it (Expressive Code puts `<`, `pid` and `>` in separate
 * spans), and the title counts: the browser shows it.
 */
function visibleText(html: string): TextRun[] {
  const title = /<title[^>]*>([\s\S]*?)<\/title>/i.exec(html)?.[1] ?? '';
  const runs: TextRun[] = [{ code: false, text: `${decodeEntities(title)}\n` }];
  const stack: { name: string; quoted: boolean }[] = [];
  let hidden = 0;
  let code = 0;
  const push = (text: string) => {
    const inCode = code > 0;
    const last = runs[runs.length - 1];
    if (last && last.code === inCode) last.text += text;
    else runs.push({ code: inCode, text });
  };
  for (const part of html.replace(/<!--[\s\S]*?-->/g, '').split(/(<[^>]*>)/)) {
    const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)[^>]*?(\/?)>$/.exec(part);
    const quoted = tag ? UPSTREAM.test(part) : false;
    if (!tag) {
      if (hidden === 0 && part) push(decodeEntities(part));
      continue;
    }
    const [, closing, rawName = '', selfClosing] = tag;
    const name = rawName.toLowerCase();
    if (selfClosing || name === 'br' || name === 'meta' || name === 'link' || name === 'img' || name === 'input') {
      if (name === 'br') push('\n');
      continue;
    }
    if (!closing) {
      // An upstream quote is left out like an invisible element.
      stack.push({ name, quoted });
      if (INVISIBLE.has(name) || quoted) hidden++;
      if (name === 'pre' || name === 'code') code++;
      continue;
    }
    const at = stack.findLastIndex((open) => open.name === name);
    if (at < 0) continue;
    for (const open of stack.splice(at)) {
      if (INVISIBLE.has(open.name) || open.quoted) hidden--;
      if (open.name === 'pre' || open.name === 'code') code--;
    }
    if (hidden === 0 && BLOCK.test(name)) push('\n');
  }
  return runs;
}

/**
 * Every placeholder a reader sees on a built page. Prose follows the source rule. In code, real
 * command syntax such as `kill <pid>` or `docker exec <container>` is allowed, as the content rules
 * allow it in commands; an angle-bracket fill-in word (`<your org>`, `<version>`) is not.
 */
export function findPlaceholdersInHtml(file: string, html: string): Placeholder[] {
  const found: Placeholder[] = [];
  let line = 0;
  for (const run of visibleText(html)) {
    const lines = run.text.split('\n');
    lines.forEach((text, index) => {
      const add = (match: string) => found.push({ file, line: line + index + 1, text: match });
      for (const match of text.matchAll(ANGLE_PHRASE)) {
        const [whole, inner = ''] = match;
        if (REAL_OUTPUT.has(whole)) continue;
        if (run.code ? FILL_IN.test(inner) : /\s/.test(inner.trim()) || FILL_IN.test(inner)) add(whole);
      }
      const marker = MARKERS.exec(text);
      if (marker) add(marker[0]);
    });
    line += lines.length - 1;
  }
  return found;
}
