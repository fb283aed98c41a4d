import { createHash } from 'node:crypto';
import { readFileSync, writeFileSync } from 'node:fs';
import { htmlFiles } from './html-files.ts';

/**
 * The only inline scripts a Bulkhead page may hold, by SHA-256 of their text. Astro is told to
 * emit its own scripts as files (astro.config.mjs, assetsInlineLimit), so what remains inline is
 * Starlight's theme and sidebar code and the `js` class marker of astro.config.mjs. These change
 * only when Starlight is upgraded or that marker is edited; the build then names the new script
 * and its hash, to be added here after reading it. Content can never add one: any other inline
 * script fails the build, and the browser would refuse it anyway.
 */
export const ALLOWED_INLINE_SCRIPTS: Record<string, string> = {
  'sha256-Du+OJKJSbdUgz5nrHeWWINvez6XKDDU/tyj/5c2uvwo=': "astro.config.mjs head: document.documentElement.classList.add('js')",
  'sha256-VWo5Wp4aqSj6nSgMpeAp9cKieaoIfwFUAunAVugI5gA=': 'Starlight ThemeProvider: reads the stored theme before the first paint',
  'sha256-GkZBRnvSuhtx/cvzvukVkX2JJZW+DdPlVr7BX8Tefqo=': 'Starlight ThemeSelect: StarlightThemeProvider.updatePickers()',
  'sha256-wX2yOADeV+NMngflD5uYi3vl50SHC4sfM1EmylVjlX4=': 'Starlight Sidebar: restores the open groups on wide screens',
  'sha256-7eCV4jtsr4t4knb3c4FCRPeu7GGZeOUGE3XvWix0XOQ=': 'Starlight Sidebar: restores the sidebar scroll position',
};

/**
 * Scripts only from this site (plus the allowed inline ones, and WebAssembly for Pagefind); no
 * plugins, no base or form targets elsewhere, images and fonts only from here. Styles may be
 * inline: Expressive Code and Mermaid's SVGs write style attributes, and CSS cannot run code.
 */
export function contentSecurityPolicy(): string {
  return [
    "default-src 'self'",
    `script-src 'self' 'wasm-unsafe-eval' ${Object.keys(ALLOWED_INLINE_SCRIPTS).map((hash) => `'${hash}'`).join(' ')}`,
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data:",
    "font-src 'self' data:",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'self'",
    "form-action 'self'",
  ].join('; ');
}

/** Elements whose text the HTML parser does not read as tags (a `<script>` inside one is text). */
const TEXT_ONLY_ELEMENTS = new Set(['script', 'style', 'title', 'textarea', 'xmp', 'iframe', 'noembed', 'noframes', 'plaintext']);

/**
 * The script elements of a page as the HTML parser sees them, in one linear pass: text inside a
 * quoted attribute, a comment or a text-only element (a `<title>`, a `<style>`) is not a tag.
 */
export function scriptElements(html: string): { attributes: string; text: string }[] {
  const scripts: { attributes: string; text: string }[] = [];
  const lower = html.toLowerCase();
  let index = 0;
  while (index < html.length) {
    const open = html.indexOf('<', index);
    if (open < 0) break;
    if (html.startsWith('<!--', open)) {
      const end = html.indexOf('-->', open + 4);
      index = end < 0 ? html.length : end + 3;
      continue;
    }
    const name = /^<([a-zA-Z][a-zA-Z0-9-]*)/.exec(html.slice(open, open + 40))?.[1]?.toLowerCase();
    if (!name) {
      index = open + 1;
      continue;
    }
    // Read the attributes up to the tag's own '>', skipping quoted values.
    let cursor = open + 1 + name.length;
    let quote: string | undefined;
    while (cursor < html.length) {
      const char = html[cursor];
      if (quote) {
        if (char === quote) quote = undefined;
      } else if (char === '"' || char === "'") quote = char;
      else if (char === '>') break;
      cursor += 1;
    }
    const attributes = html.slice(open + 1 + name.length, cursor);
    index = cursor + 1;
    if (!TEXT_ONLY_ELEMENTS.has(name)) continue;
    const close = lower.indexOf(`</${name}`, index);
    const end = close < 0 ? html.length : close;
    if (name === 'script') scripts.push({ attributes, text: html.slice(index, end) });
    index = end;
  }
  return scripts;
}

const NON_EXECUTING_TYPE = /\btype\s*=\s*["']?(?:application\/(?:ld\+)?json|text\/plain)/i;

export interface UnknownScript {
  hash: string;
  text: string;
}

/** Inline scripts of a page that the allow-list does not name. */
export function unknownInlineScripts(html: string): UnknownScript[] {
  const unknown: UnknownScript[] = [];
  for (const { attributes, text } of scriptElements(html)) {
    if (/\bsrc\s*=/i.test(attributes) || NON_EXECUTING_TYPE.test(attributes)) continue;
    const hash = `sha256-${createHash('sha256').update(text).digest('base64')}`;
    if (!(hash in ALLOWED_INLINE_SCRIPTS)) unknown.push({ hash, text: text.trim().slice(0, 80) });
  }
  return unknown;
}

/** The page with the policy as the first element of its head, so it governs everything after it. */
export function withPolicy(html: string): string {
  const meta = `<meta http-equiv="Content-Security-Policy" content="${contentSecurityPolicy()}">`;
  return html.replace(/<head(\s[^>]*)?>/i, (head) => `${head}${meta}`);
}

/** Adds the policy to every page of a build; returns every page's inline scripts that are not allowed. */
export function applyContentSecurityPolicy(outDir: string): { pages: number; problems: string[] } {
  const problems: string[] = [];
  const files = htmlFiles(outDir);
  for (const file of files) {
    const html = readFileSync(file, 'utf8');
    for (const script of unknownInlineScripts(html)) problems.push(`${file}: inline script ${script.hash} (${JSON.stringify(script.text)}) is not in src/site/csp.ts ALLOWED_INLINE_SCRIPTS`);
    writeFileSync(file, withPolicy(html));
  }
  return { pages: files.length, problems };
}
