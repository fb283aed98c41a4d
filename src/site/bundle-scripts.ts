import { createHash } from 'node:crypto';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { rolldown } from 'rolldown';
import { htmlFiles } from './html-files.ts';

/**
 * Astro emits each component's `<script>` as a module file of its own, and Starlight has seven:
 * a risk page made ten requests for 5.6 KB of script, more in headers than in code. After the
 * build, the module scripts of a page are bundled into one file per distinct set (a few sets for
 * the whole site), and the page loads that one. Code that a script imports on demand (search,
 * once the dialog opens) stays in Astro's files and is fetched as before.
 *
 * Order is kept: module scripts run after parsing, in document order, and the bundle imports
 * them in that order. The bundle is a file from this site, so the Content-Security-Policy that
 * refuses inline scripts is unchanged.
 */

/** `<script type="module" src="…"></script>` exactly as Astro writes it. */
const MODULE_SCRIPT = /<script type="module" src="([^"]+)"><\/script>/g;

/** One module that imports the page's scripts in document order, as a file of its own. */
async function bundle(outDir: string, scriptFiles: string[]): Promise<string> {
  const entry = '\0bulkhead-page-scripts';
  const build = await rolldown({
    input: entry,
    // A script that does not resolve would be left out of the page silently: stop instead.
    onLog: (level, log) => {
      if (level === 'warn') throw new Error(`bundling ${scriptFiles.join(', ')}: ${log.message}`);
    },
    plugins: [
      {
        name: 'bulkhead-page-scripts',
        resolveId: (source) => (source === entry ? entry : null),
        load: (id) => (id === entry ? scriptFiles.map((file) => `import ${JSON.stringify(file)};`).join('\n') : null),
        // Loaded on demand (search): keep Astro's own file, fetched only when it is needed.
        resolveDynamicImport: (source, importer) => {
          if (typeof source !== 'string' || !importer) return null;
          return { id: source, external: true };
        },
      },
    ],
  });
  try {
    const { output } = await build.generate({ format: 'es', minify: true });
    const [chunk] = output;
    if (!chunk || chunk.type !== 'chunk' || output.length !== 1) throw new Error(`bundling ${scriptFiles.join(', ')} gave ${output.length} files, expected one`);
    const name = `scripts.${createHash('sha256').update(chunk.code).digest('base64url').slice(0, 10)}.js`;
    writeFileSync(join(outDir, '_astro', name), chunk.code);
    return name;
  } finally {
    await build.close();
  }
}

/**
 * Rewrites every page of a build to load one bundle in place of its module scripts.
 * `base` is the site's base path (`/` or `/kb/`), as the pages' script addresses start with it.
 */
export async function bundlePageScripts(outDirectory: string, base: string): Promise<{ pages: number; bundles: number }> {
  const outDir = resolve(outDirectory);
  const bundles = new Map<string, Promise<string>>();
  const pages: { file: string; html: string; key: string }[] = [];
  for (const file of htmlFiles(outDir)) {
    const html = readFileSync(file, 'utf8');
    const sources = [...html.matchAll(MODULE_SCRIPT)].map((match) => match[1] ?? '');
    if (sources.length < 2) continue;
    const scriptFiles = sources.map((source) => {
      if (!source.startsWith(`${base}_astro/`)) throw new Error(`${relative(outDir, file)}: module script ${source} is not under ${base}_astro/`);
      const path = join(outDir, source.slice(base.length));
      if (!existsSync(path)) throw new Error(`${relative(outDir, file)}: module script ${source} is not in the build`);
      return path;
    });
    const key = scriptFiles.join('\n');
    if (!bundles.has(key)) bundles.set(key, bundle(outDir, scriptFiles));
    pages.push({ file, html, key });
  }
  for (const { file, html, key } of pages) {
    const name = await bundles.get(key);
    let first = true;
    const rewritten = html.replace(MODULE_SCRIPT, () => {
      if (!first) return '';
      first = false;
      return `<script type="module" src="${base}_astro/${name}"></script>`;
    });
    writeFileSync(file, rewritten);
  }
  return { pages: pages.length, bundles: bundles.size };
}
