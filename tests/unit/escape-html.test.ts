/**
 * The one HTML escaping (src/model/escape-html.ts) and the call sites that use it: the search
 * results the browser writes with innerHTML, diagram labels, and a guard that no private copy of
 * the rule comes back (a stored-XSS bug once returned when one copy was lost in an edit).
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { PageResult } from '../../src/client/search-engine.ts';
import { renderResults } from '../../src/client/search-results.ts';
import { escapeHtmlAttribute, escapeHtmlText } from '../../src/model/escape-html.ts';
import type { IdTarget } from '../../src/search/lookup.ts';
import { prepareDiagramSvg } from '../../src/site/diagram-svg.ts';

const root = join(import.meta.dirname, '..', '..');
const BREAKOUT = '" onmouseover="alert(1)" x="';
const SINGLE_BREAKOUT = "' onmouseover='alert(1)' x='";
const TITLE_BREAKOUT = '</title><script>alert(1)</script>';

describe('escapeHtmlText', () => {
  it('escapes each of & < > and nothing else', () => {
    expect(escapeHtmlText('&')).toBe('&amp;');
    expect(escapeHtmlText('<')).toBe('&lt;');
    expect(escapeHtmlText('>')).toBe('&gt;');
    expect(escapeHtmlText('"')).toBe('"');
    expect(escapeHtmlText("'")).toBe("'");
    expect(escapeHtmlText('Plain text: CAP_SYS_ADMIN, /proc/4242/status, 100% = ok')).toBe('Plain text: CAP_SYS_ADMIN, /proc/4242/status, 100% = ok');
    expect(escapeHtmlText('')).toBe('');
  });

  it('escapes & first, so an entity in the input stays text instead of being decoded', () => {
    expect(escapeHtmlText('&lt;script&gt;')).toBe('&amp;lt;script&amp;gt;');
    expect(escapeHtmlText('ATT&CK & more')).toBe('ATT&amp;CK &amp; more');
  });

  it('keeps </title><script> text: no tag can open or close', () => {
    const escaped = escapeHtmlText(TITLE_BREAKOUT);
    expect(escaped).toBe('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(escaped).not.toMatch(/[<>]/);
  });

  it('escapes every occurrence, not only the first', () => {
    expect(escapeHtmlText('<<>>&&')).toBe('&lt;&lt;&gt;&gt;&amp;&amp;');
  });
});

describe('escapeHtmlAttribute', () => {
  it('escapes each of & < > " \'', () => {
    expect(escapeHtmlAttribute('&')).toBe('&amp;');
    expect(escapeHtmlAttribute('<')).toBe('&lt;');
    expect(escapeHtmlAttribute('>')).toBe('&gt;');
    expect(escapeHtmlAttribute('"')).toBe('&quot;');
    expect(escapeHtmlAttribute("'")).toBe('&#39;');
    expect(escapeHtmlAttribute('`=/ plain-text_1.2')).toBe('`=/ plain-text_1.2');
  });

  it('keeps a " onmouseover= payload inside a double-quoted value', () => {
    const escaped = escapeHtmlAttribute(BREAKOUT);
    expect(escaped).toBe('&quot; onmouseover=&quot;alert(1)&quot; x=&quot;');
    expect(escaped).not.toContain('"');
    const tag = `<a href="${escaped}">`;
    expect([...tag.matchAll(/"/g)]).toHaveLength(2);
  });

  it("keeps a ' onmouseover= payload inside a single-quoted value", () => {
    const escaped = escapeHtmlAttribute(SINGLE_BREAKOUT);
    expect(escaped).not.toContain("'");
    expect(escaped).toBe('&#39; onmouseover=&#39;alert(1)&#39; x=&#39;');
  });

  it('is also safe for text content: </title><script> stays text', () => {
    expect(escapeHtmlAttribute(TITLE_BREAKOUT)).not.toMatch(/[<>]/);
  });
});

describe('the module', () => {
  it('imports nothing, so the client bundle can carry it (no Node API, no zod)', () => {
    const source = readFileSync(join(root, 'src/model/escape-html.ts'), 'utf8');
    expect(source).not.toMatch(/^\s*import\b|\brequire\(|\bimport\(/m);
    expect(source).not.toMatch(/\bfrom\s+['"]|\bprocess\.|\bBuffer\b/);
  });

  it('is the only HTML escaping in src: no private copy of the rule is left to drift', () => {
    const copies: string[] = [];
    const walk = (dir: string): void => {
      for (const entry of readdirSync(dir, { withFileTypes: true })) {
        const path = join(dir, entry.name);
        if (entry.isDirectory()) walk(path);
        else if (/\.(ts|mts|mjs|js|astro)$/.test(entry.name) && !path.endsWith(join('model', 'escape-html.ts'))) {
          const source = readFileSync(path, 'utf8');
          // A character class of the escaped characters, an entity as a string literal, or a numeric entity built from a code point.
          if (/\[&<>|\[<>&|['"`]&(?:amp|lt|gt|quot|#39|#x27);['"`]|&#\$\{/.test(source)) copies.push(relative(root, path));
        }
      }
    };
    walk(join(root, 'src'));
    expect(copies).toEqual([]);
  });
});

describe('search results written with innerHTML', () => {
  function render(pages: PageResult[], ids: IdTarget[] = [], query = 'q'): string {
    const list = { innerHTML: '', querySelectorAll: () => [] } as unknown as HTMLElement;
    renderResults(list, 'bh-search-option', ids, pages, query);
    return list.innerHTML;
  }

  it('keep a hostile title, type and URL as text and inside the href', () => {
    const html = render([{ url: `/risks/x/${BREAKOUT}`, title: TITLE_BREAKOUT, type: '<img src=x onerror=alert(2)>', excerpt: 'plain' }]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('href="/risks/x/&quot; onmouseover=&quot;alert(1)&quot; x=&quot;"');
    expect(html).toContain('&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;');
  });

  it('keep the <mark> of a Pagefind excerpt and nothing else', () => {
    const html = render([{ url: '/a/', title: 'A', type: '', excerpt: 'the <mark>privileged</mark> flag <script>alert(3)</script> <mark onclick=x>no</mark>' }]);
    expect(html).toContain('<span class="search-excerpt">the <mark>privileged</mark> flag &lt;script&gt;alert(3)&lt;/script&gt; &lt;mark onclick=x&gt;no</mark></span>');
  });

  it('keep an ID target label and the query text as text', () => {
    const html = render([], [{ kind: '<b>', label: TITLE_BREAKOUT, url: `/ref/${BREAKOUT}/`, related: [{ label: '<i>x</i>', url: BREAKOUT }] }]);
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<b>');
    expect(html).not.toContain('<i>');
    expect(html).not.toMatch(/href="[^"]*" onmouseover/);
    expect(render([], [], TITLE_BREAKOUT)).toContain('No results for “&lt;/title&gt;&lt;script&gt;alert(1)&lt;/script&gt;”');
  });
});

describe('diagram labels', () => {
  it('keep quotes of either kind inside aria-label', () => {
    const prepared = prepareDiagramSvg('<svg viewBox="0 0 10 10"><g/></svg>', `${BREAKOUT}${SINGLE_BREAKOUT}`);
    expect(prepared).toMatch(/^<svg role="img" aria-label="[^"]*" /);
    expect(prepared).not.toMatch(/aria-label="[^"]*" onmouseover/);
    expect(prepared).not.toContain("'");
  });
});
