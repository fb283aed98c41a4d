import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { KB_BASE, KB_OUT_DIR, KB_SITE } from './site.ts';

/**
 * The fixture content built as a copy served under a sub-path (BULKHEAD_BASE=/kb/,
 * BULKHEAD_SITE=https://kb.example.org; scripts/test-all.ts builds it). Every address a page, a
 * stylesheet, a JSON export, the sitemap or robots.txt gives that points into the site must name a
 * built file under /kb/: a link that forgot the base points at the host's root and is broken there.
 * Reads the build from disk, so it needs no browser and checks thousands of links in seconds.
 */

const ROOT = `${KB_SITE}${KB_BASE}`;
const files = readdirSync(KB_OUT_DIR, { recursive: true, encoding: 'utf8' }).filter((file) => statSync(join(KB_OUT_DIR, file)).isFile());

/** The public URL of a built file: https://kb.example.org/kb/risks/bh-r-001/ for risks/bh-r-001/index.html. */
const publicUrl = (file: string) => new URL(file.replace(/(^|\/)index\.html$/, '$1'), ROOT);

/** The built file a URL of this site names, or why it names none; undefined for a URL outside the site. */
function brokenReason(url: URL): string | undefined {
  if (url.origin !== KB_SITE || !['http:', 'https:'].includes(url.protocol)) return undefined;
  if (!url.pathname.startsWith(KB_BASE)) return `outside ${KB_BASE}`;
  let path = join(KB_OUT_DIR, decodeURIComponent(url.pathname.slice(KB_BASE.length)));
  if (existsSync(path) && statSync(path).isDirectory()) path = join(path, 'index.html');
  return existsSync(path) ? undefined : 'no such file';
}

/** Attribute values that hold addresses: href, src, srcset, form actions, meta refresh and og:url. */
function htmlAddresses(html: string): string[] {
  const found: string[] = [];
  for (const tag of html.matchAll(/<[a-zA-Z][^>]*>/g)) {
    const attributes = new Map([...tag[0].matchAll(/\s([a-zA-Z:-]+)=(?:"([^"]*)"|'([^']*)')/g)].map((match) => [match[1]?.toLowerCase() ?? '', (match[2] ?? match[3] ?? '').replace(/&amp;/g, '&')]));
    for (const name of ['href', 'src', 'action']) {
      const value = attributes.get(name);
      if (value !== undefined) found.push(value);
    }
    for (const candidate of (attributes.get('srcset') ?? '').split(',')) {
      const value = candidate.trim().split(/\s+/)[0];
      if (value) found.push(value);
    }
    const content = attributes.get('content') ?? '';
    if (attributes.get('http-equiv')?.toLowerCase() === 'refresh') found.push(content.replace(/^\s*\d+\s*;\s*url=/i, ''));
    else if (/^https?:\/\//.test(content)) found.push(content);
  }
  return found;
}

/** Keys whose string values are addresses in the JSON exports; entry data (`data`) is content, not links. */
const ADDRESS_KEYS = new Set(['url', 'path', 'entries', '$schema', '$id']);

function jsonAddresses(value: unknown, key = ''): string[] {
  if (typeof value === 'string') return ADDRESS_KEYS.has(key) && /^(\/(?!\/)|https?:\/\/)/.test(value) ? [value] : [];
  if (Array.isArray(value)) return value.flatMap((item) => jsonAddresses(item, key));
  if (value && typeof value === 'object') return Object.entries(value).flatMap(([name, item]) => (name === 'data' ? [] : jsonAddresses(item, name)));
  return [];
}

function addressesOf(file: string): string[] {
  const text = readFileSync(join(KB_OUT_DIR, file), 'utf8');
  if (file.endsWith('.html')) return htmlAddresses(text);
  if (file.endsWith('.css')) return [...text.matchAll(/url\(\s*["']?([^"')]+)["']?\s*\)/g)].map((match) => match[1] ?? '').filter((url) => !url.startsWith('data:'));
  if (file.endsWith('.xml')) return [...text.matchAll(/<loc>([^<]+)<\/loc>/g)].map((match) => match[1] ?? '');
  if (file === 'robots.txt') return [...text.matchAll(/^Sitemap:\s*(\S+)/gm)].map((match) => match[1] ?? '');
  if (file.endsWith('.json') && !file.startsWith('pagefind/')) return jsonAddresses(JSON.parse(text));
  return [];
}

test('every address in the pages, stylesheets, JSON exports, sitemap and robots.txt resolves to a file under /kb/', () => {
  const pages = files.filter((file) => file.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(100);
  const broken = new Set<string>();
  let checked = 0;
  for (const file of files) {
    const from = publicUrl(file);
    for (const address of addressesOf(file)) {
      if (/^(#|mailto:|data:|javascript:)/.test(address)) continue;
      // The example of bulkhead report is rendered from the real knowledge base, so scripts/build.ts
      // writes it only there; the guide that links it is built with the fixture content too.
      if (file === 'guides/bulkhead-check/index.html' && address === `${KB_BASE}examples/report.html`) continue;
      const url = new URL(address, from);
      const reason = brokenReason(url);
      if (url.origin === KB_SITE) checked++;
      if (reason) broken.add(`${file}: ${address} (${reason})`);
    }
  }
  expect(checked, 'links into the site that were checked').toBeGreaterThan(10_000);
  expect([...broken].slice(0, 50), `${broken.size} broken`).toEqual([]);
});

test('the exports and the sitemap give full addresses on the public site under its base', () => {
  const read = (file: string) => readFileSync(join(KB_OUT_DIR, file), 'utf8');
  expect(read('robots.txt')).toContain(`Sitemap: ${ROOT}sitemap-index.xml`);
  expect(read('sitemap-0.xml')).toContain(`<loc>${ROOT}risks/bh-r-001/</loc>`);
  const kb = JSON.parse(read('kb.json')) as { $schema: string; entries: { id: string; path: string }[] };
  expect(kb.$schema).toBe(`${KB_BASE}kb.schema.json`);
  expect(kb.entries.find((entry) => entry.id === 'BH-R-001')?.path).toBe(`${KB_BASE}risks/bh-r-001/`);
  const trivy = JSON.parse(read('ref/trivy.json')) as { rules: Record<string, { url: string }> };
  expect(trivy.rules.KSV017?.url).toBe(`${KB_BASE}ref/trivy/ksv-0017/`);
  const risk = read('risks/bh-r-001/index.html');
  expect(risk).toContain(`<link rel="canonical" href="${ROOT}risks/bh-r-001/"`);
});
