import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { renderContributingExamples } from '../../src/docs/contributing.ts';

describe('CONTRIBUTING.md', () => {
  const guide = readFileSync('CONTRIBUTING.md', 'utf8');
  it('shows the current text of the real content files it uses as examples (npm run docs:examples)', () => {
    expect(renderContributingExamples(guide, (path) => readFileSync(path, 'utf8'))).toBe(guide);
  });
  it('has a complete example of a risk and of a check', () => {
    expect(guide).toMatch(/<!-- example: content\/risks\/[^ ]+ -->\n`[^`]+`:\n\n````mdx\n---\nid: BH-R-/);
    expect(guide).toMatch(/<!-- example: content\/checks\/[^ ]+ -->\n`[^`]+`:\n\n````mdx\n---\nid: BH-CK-/);
  });
});
