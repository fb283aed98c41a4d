/**
 * Command-line flags must not break across lines: "--privileged" split after "--" reads as two
 * words, and a browser may break after any hyphen. These helpers keep a flag in one piece.
 */

/** A flag written in text: "--privileged", "--profiling=false", "-o"; not a dash inside a word. */
export const FLAG = /(?<![\w-])--?[A-Za-z][\w.:=/,-]*/g;

/** Plain text (a page title) with the hyphens of each flag made non-breaking (U+2011), which look the same. */
export function unbreakableFlags(text: string): string {
  return text.replace(FLAG, (flag) => flag.replaceAll('-', '\u2011'));
}

/** Text split into plain parts and flags, for markup that wraps each flag in a no-wrap span. */
export function splitFlags(text: string): { text: string; flag: boolean }[] {
  const parts: { text: string; flag: boolean }[] = [];
  let last = 0;
  for (const match of text.matchAll(FLAG)) {
    const start = match.index ?? 0;
    if (start > last) parts.push({ text: text.slice(last, start), flag: false });
    parts.push({ text: match[0], flag: true });
    last = start + match[0].length;
  }
  if (last < text.length) parts.push({ text: text.slice(last), flag: false });
  return parts;
}

/**
 * Expressive Code's HTML with every syntax token that is a flag (a span whose whole text is
 * one) marked no-wrap, so a wrapped command breaks between words, never inside a flag. The
 * code's text, and so what a reader copies, is unchanged.
 */
export function keepFlagsWhole(html: string): string {
  return html.replace(/<span( style="[^"]*")?>(-{1,2}[A-Za-z][^<\s]{0,60})<\/span>/g, (whole, style: string | undefined, text: string) => (/^-{1,2}[A-Za-z][\w.:=/,-]*$/.test(text) ? `<span class="nowrap"${style ?? ''}>${text}</span>` : whole));
}
