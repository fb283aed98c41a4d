/**
 * Diagrams are inserted into pages as markup, and their labels come from content written by
 * people we do not know. The diagram-safety integrity rule refuses sources that could produce
 * markup (HTML in labels, click links, init directives); this second line of defence strips what
 * a Mermaid SVG never needs from the output: elements that run, load or submit anything, event
 * handlers, and links or references that leave the document.
 */
const DROPPED_ELEMENTS = ['script', 'iframe', 'object', 'embed', 'form', 'input', 'textarea', 'button', 'select', 'img', 'image', 'link', 'meta', 'audio', 'video', 'use'];
const UNWRAPPED_ELEMENTS = ['a'];

export function sanitizeSvg(svg: string): string {
  let out = svg;
  for (const name of DROPPED_ELEMENTS) {
    out = out.replace(new RegExp(`<${name}\\b[^>]*>[\\s\\S]*?</${name}\\s*>`, 'gi'), '').replace(new RegExp(`<${name}\\b[^>]*/?>`, 'gi'), '');
  }
  for (const name of UNWRAPPED_ELEMENTS) out = out.replace(new RegExp(`</?${name}\\b[^>]*>`, 'gi'), '');
  return (
    out
      // Event handlers, in any quoting.
      .replace(/\s+on[a-z]+\s*=\s*("[^"]*"|'[^']*'|[^\s>]+)/gi, '')
      // References that leave the document; Mermaid's own markers use "#id" and url(#id).
      .replace(/\s+(?:xlink:)?href\s*=\s*("(?!#)[^"]*"|'(?!#)[^']*')/gi, '')
      .replace(/url\(\s*(?!['"]?#)[^)]*\)/gi, 'none')
      .replace(/@import[^;]*;?/gi, '')
  );
}
