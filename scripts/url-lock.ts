/**
 * npm run urls:lock — adds every URL of the current build (dist/) to tests/urls.lock. URLs are
 * only ever added: a URL that disappears from the build stays in the lock and fails the tests.
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { parseLock, publishedUrls, renderLock, URL_LOCK_FILE } from '../src/refs/published-urls.ts';

if (!existsSync('dist/index.html')) {
  console.error('dist/ has no build: run npm run build first.');
  process.exit(2);
}
const locked = existsSync(URL_LOCK_FILE) ? parseLock(readFileSync(URL_LOCK_FILE, 'utf8')) : [];
const built = publishedUrls('dist');
const merged = [...new Set([...locked, ...built])].sort();
const missing = locked.filter((url) => !built.includes(url));
writeFileSync(URL_LOCK_FILE, renderLock(merged));
console.log(`${URL_LOCK_FILE}: ${merged.length} URLs (${merged.length - locked.length} added).`);
if (missing.length > 0) {
  console.error(`${missing.length} locked URLs are not in this build, e.g. ${missing.slice(0, 5).join(', ')}: add aliases so they resolve again.`);
  process.exit(1);
}
