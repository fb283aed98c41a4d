import { readdirSync } from 'node:fs';
import { join } from 'node:path';

/** Every .html file under a build directory, depth first, as the post-build steps rewrite them. */
export function htmlFiles(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((item) => {
    const path = join(dir, item.name);
    if (item.isDirectory()) return htmlFiles(path);
    return item.name.endsWith('.html') ? [path] : [];
  });
}
