/**
 * No placeholder text where users copy from: the README, CONTRIBUTING.md, the guides
 * (src/content/docs), the GitHub Action and the pre-commit hooks. `git clone <bulkhead
 * repository>` in a guide sent every new user back to guess. Allowed: URL and path patterns that
 * name their parts in running text (`/ref/<scanner>/<rule-id>/`), and real command output in code
 * (`<none>`). Flagged: an angle-bracket phrase with a space or a word that stands for something
 * the reader must fill in, any angle-bracket word inside a code block, and TODO/TBD/FIXME/XXX.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');

function filesUnder(directory: string): string[] {
  return readdirSync(directory).flatMap((name) => {
    const path = join(directory, name);
    return statSync(path).isDirectory() ? filesUnder(path) : /\.(md|mdx)$/.test(name) ? [path] : [];
  });
}

export const PLACEHOLDER_SOURCES = [join(root, 'README.md'), join(root, 'CONTRIBUTING.md'), join(root, 'action.yml'), join(root, '.pre-commit-hooks.yaml'), ...filesUnder(join(root, 'src', 'content', 'docs'))];

/** Words that, in angle brackets, stand for a value the reader has to supply. */
const FILL_IN = /^(your|my|the|a|an|some|repo|repository|owner|org|organi[sz]ation|user|username|token|secret|password|version|tag|release|url|host|hostname|domain|email|project|placeholder|value|insert|replace|todo|tbd)\b|[ ](repository|url|name|here|version|token|org|owner)\b/i;
/** Real output of commands shown in code blocks. */
const REAL_OUTPUT = new Set(['<none>', '<no value>', '<nil>']);
const MARKERS = /\b(TODO|TBD|FIXME|XXX)\b|lorem ipsum/i;

export interface Placeholder {
  file: string;
  line: number;
  text: string;
}

/** Every placeholder in one file's text, with its line. */
export function findPlaceholders(file: string, text: string): Placeholder[] {
  const found: Placeholder[] = [];
  let fence: string | undefined;
  text.split('\n').forEach((line, index) => {
    const opening = /^\s*(```+|~~~+)/.exec(line);
    if (opening) {
      fence = fence === undefined ? opening[1] : line.trim().startsWith(fence) ? undefined : fence;
      return;
    }
    const add = (match: string) => found.push({ file, line: index + 1, text: match });
    for (const match of line.matchAll(/<([a-z][a-z0-9 _.:/-]*)>/gi)) {
      const [whole, inner = ''] = match;
      // An MDX component such as <AutomatedChecks />.
      if (/^[A-Z][A-Za-z0-9]*\s*\/$/.test(inner.trim())) continue;
      if (fence !== undefined) {
        if (!REAL_OUTPUT.has(whole)) add(whole);
      } else if (/\s/.test(inner.trim()) || FILL_IN.test(inner)) add(whole);
    }
    const marker = MARKERS.exec(line);
    if (marker) add(marker[0]);
  });
  return found;
}

describe('no placeholder text in the README, CONTRIBUTING.md, the guides, the action and the hooks', () => {
  it('finds what it must find (the check itself)', () => {
    const sample = ['git clone <bulkhead repository> && cd bulkhead', 'see `/ref/<scanner>/<rule-id>/`', '```sh', 'docker pull <image>', 'REPOSITORY <none>', '```', 'uses: owner/repo@<version>', 'TODO: write this', '<AutomatedChecks />'].join('\n');
    expect(findPlaceholders('sample.md', sample).map((item) => [item.line, item.text])).toEqual([[1, '<bulkhead repository>'], [4, '<image>'], [7, '<version>'], [8, 'TODO']]);
  });

  it('has none', () => {
    expect(PLACEHOLDER_SOURCES.length).toBeGreaterThan(4);
    const found = PLACEHOLDER_SOURCES.flatMap((file) => findPlaceholders(relative(root, file), readFileSync(file, 'utf8')));
    expect(found.map((item) => `${item.file}:${item.line}: ${item.text}`)).toEqual([]);
  });
});
