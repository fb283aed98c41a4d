import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { bundlePageScripts } from '../../src/site/bundle-scripts.ts';

const dirs: string[] = [];
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});

/** A built site under `base` with Astro-style component scripts, one of which loads code on demand. */
function site(base: string): string {
  const dir = mkdtempSync(join(tmpdir(), 'bulkhead-bundle-'));
  dirs.push(dir);
  mkdirSync(join(dir, '_astro'));
  mkdirSync(join(dir, 'risks'));
  writeFileSync(join(dir, '_astro', 'shared.A1.js'), 'export const order = globalThis.order ??= [];\n');
  writeFileSync(join(dir, '_astro', 'Theme.astro_astro_type_script_index_0_lang.B2.js'), 'import { order } from "./shared.A1.js"; order.push("theme");\n');
  writeFileSync(join(dir, '_astro', 'Search.astro_astro_type_script_index_0_lang.C3.js'), 'import { order } from "./shared.A1.js"; order.push("search"); globalThis.openSearch = () => import(`./search-engine.D4.js`);\n');
  writeFileSync(join(dir, '_astro', 'search-engine.D4.js'), 'export const engine = "full text";\n');
  const page = (body: string) => `<!doctype html><html><head><script type="module" src="${base}_astro/Theme.astro_astro_type_script_index_0_lang.B2.js"></script></head><body>${body}<script type="module" src="${base}_astro/Search.astro_astro_type_script_index_0_lang.C3.js"></script></body></html>`;
  writeFileSync(join(dir, 'index.html'), page('<h1>Home</h1>'));
  writeFileSync(join(dir, 'risks', 'index.html'), page('<h1>Risks</h1>'));
  writeFileSync(join(dir, 'single.html'), `<html><head><script type="module" src="${base}_astro/Theme.astro_astro_type_script_index_0_lang.B2.js"></script></head></html>`);
  return dir;
}

const moduleScripts = (html: string) => [...html.matchAll(/<script type="module" src="([^"]+)"><\/script>/g)].map((match) => match[1]);

describe('one script file per page', () => {
  it('replaces a page\'s module scripts with one bundle that runs them in document order', async () => {
    const dir = site('/');
    expect(await bundlePageScripts(dir, '/')).toEqual({ pages: 2, bundles: 1 });
    const home = readFileSync(join(dir, 'index.html'), 'utf8');
    const scripts = moduleScripts(home);
    expect(scripts).toHaveLength(1);
    expect(scripts[0]).toMatch(/^\/_astro\/scripts\.[\w-]+\.js$/);
    expect(home).toContain('<h1>Home</h1>');
    expect(moduleScripts(readFileSync(join(dir, 'risks', 'index.html'), 'utf8'))).toEqual(scripts);
    // A page with a single script keeps it: there is nothing to merge.
    expect(moduleScripts(readFileSync(join(dir, 'single.html'), 'utf8'))).toEqual(['/_astro/Theme.astro_astro_type_script_index_0_lang.B2.js']);

    const bundleFile = join(dir, (scripts[0] ?? '').slice(1));
    const code = readFileSync(bundleFile, 'utf8');
    // Code loaded on demand stays in its own file, fetched when it is needed.
    expect(code).toMatch(/import\(\s*[`'"]\.\/search-engine\.D4\.js[`'"]\s*\)/);
    expect(code).not.toContain('full text');
    const scope = globalThis as { order?: string[]; openSearch?: () => Promise<{ engine: string }> };
    delete scope.order;
    await import(pathToFileURL(bundleFile).href);
    expect(scope.order).toEqual(['theme', 'search']);
    expect((await scope.openSearch?.())?.engine).toBe('full text');
  });

  it('reads script addresses under the site\'s base path', async () => {
    const dir = site('/kb/');
    await bundlePageScripts(dir, '/kb/');
    expect(moduleScripts(readFileSync(join(dir, 'index.html'), 'utf8'))).toEqual([expect.stringMatching(/^\/kb\/_astro\/scripts\.[\w-]+\.js$/)]);
  });

  it('stops and names the page when a script it loads is not in the build', async () => {
    const dir = site('/');
    rmSync(join(dir, '_astro', 'Search.astro_astro_type_script_index_0_lang.C3.js'));
    await expect(bundlePageScripts(dir, '/')).rejects.toThrow(/index\.html: module script \/_astro\/Search\.astro_astro_type_script_index_0_lang\.C3\.js is not in the build/);
    expect(readdirSync(join(dir, '_astro')).some((name) => name.startsWith('scripts.'))).toBe(false);
  });
});
