import { describe, expect, it } from 'vitest';
import { contentSecurityPolicy, scriptElements, unknownInlineScripts, withPolicy } from '../../src/site/csp.ts';

describe('Content-Security-Policy of built pages', () => {
  it('reads script elements as the HTML parser does', () => {
    const html = [
      '<head><meta property="og:title" content="x </title><script>alert(1)</script>"><title>&lt;script&gt; in a title</title>',
      '<!-- <script>commented()</script> --><style>.a::after{content:"<script>no()</script>"}</style>',
      '<script type="module" src="/_astro/a.js"></script><script>document.documentElement.classList.add(\'js\')</script>',
      '</head><body><textarea><script>text()</script></textarea><SCRIPT>evil()</SCRIPT></body>',
    ].join('');
    expect(scriptElements(html).map((script) => script.text)).toEqual(['', "document.documentElement.classList.add('js')", 'evil()']);
  });

  it('names every inline script that is not on the allow-list, and only those', () => {
    const html = "<head><script>document.documentElement.classList.add('js')</script><script type=\"application/ld+json\">{}</script></head><body><script>fetch('//evil.example')</script></body>";
    const unknown = unknownInlineScripts(html);
    expect(unknown).toHaveLength(1);
    expect(unknown[0]?.text).toBe("fetch('//evil.example')");
    expect(unknown[0]?.hash).toMatch(/^sha256-[A-Za-z0-9+/]+=*$/);
  });

  it('puts a strict policy first in the head: scripts from the site only, no plugins, no foreign forms', () => {
    const page = withPolicy('<!doctype html><html><head><meta charset="utf-8"><title>x</title></head></html>');
    expect(page).toMatch(/^<!doctype html><html><head><meta http-equiv="Content-Security-Policy" content="[^"]+"><meta charset/);
    const policy = contentSecurityPolicy();
    expect(policy).toContain("script-src 'self' 'wasm-unsafe-eval' 'sha256-");
    expect(policy).not.toMatch(/script-src[^;]*'unsafe-inline'/);
    expect(policy).toContain("object-src 'none'");
    expect(policy).toContain("form-action 'self'");
    expect(policy).toContain("img-src 'self' data:");
  });
});
