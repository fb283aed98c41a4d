/**
 * Process entry of the npm package's CLI. scripts/package.ts bundles this module with every rule
 * into dist-cli/bulkhead.mjs and calls runPackage() with the rules and the directory that holds
 * checks.json and standing.json; bin/bulkhead.mjs imports that bundle when src/ is absent.
 */
import type { CheckRule } from '../rules/api.ts';
import { main } from './main.ts';
import { packagedKnowledgeBase, packagedSiteUrl } from './package-kb.ts';
import { runProcess } from './process.ts';

export async function runPackage(rules: Readonly<Record<string, CheckRule>>, dataDirectory: URL, manifest: URL): Promise<void> {
  await runProcess(async (io) => {
    let kb;
    try {
      // The site URL is configured once: the site's public root when the package was built
      // (BULKHEAD_SITE or BULKHEAD_SITE_URL, with BULKHEAD_BASE) becomes the package's default, and
      // either variable at run time still overrides it, as in the repository (src/model/urls.ts).
      if (!process.env.BULKHEAD_SITE && !process.env.BULKHEAD_SITE_URL) {
        const packed = packagedSiteUrl(dataDirectory);
        if (packed) process.env.BULKHEAD_SITE_URL = packed;
      }
      kb = packagedKnowledgeBase({ dataDirectory, manifest, rules });
    } catch (error) {
      io.stderr(`bulkhead: the package is damaged (${error instanceof Error ? error.message : String(error)}); reinstall it\n`);
      return 2;
    }
    return main(io, kb);
  });
}
