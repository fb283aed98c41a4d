/**
 * npm run docs:examples — copies the real content files named in CONTRIBUTING.md's
 * `<!-- example: PATH -->` markers into the guide, so its examples are never stale.
 * With --check, exits 1 instead of writing when the guide is out of date.
 */
import { readFileSync, writeFileSync } from 'node:fs';
import { renderContributingExamples } from '../src/docs/contributing.ts';

const current = readFileSync('CONTRIBUTING.md', 'utf8');
const fresh = renderContributingExamples(current, (path) => readFileSync(path, 'utf8'));
if (process.argv.includes('--check')) {
  if (fresh !== current) {
    console.error('CONTRIBUTING.md examples are out of date: run npm run docs:examples');
    process.exit(1);
  }
} else {
  writeFileSync('CONTRIBUTING.md', fresh);
  console.log('CONTRIBUTING.md examples refreshed');
}
