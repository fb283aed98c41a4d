import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/integrity/validate.ts';
import { SEED_TOPICS } from '../fixtures/seed-topics.ts';

const { graph } = validateContent(process.cwd());

/** What a reader can find on an entry's page: its title, summary, identifiers and body. */
function pageText(id: string): string | undefined {
  const entry = graph.entryById(id);
  if (!entry) return undefined;
  const identifiers = entry.kind === 'concepts' ? entry.data.identifiers : [];
  return [entry.data.title, entry.data.summary, ...identifiers, entry.body].join('\n').toLowerCase();
}

describe('every topic of the source documents has a page in the knowledge base', () => {
  it('lists each topic once', () => {
    const topics = SEED_TOPICS.map((seed) => seed.topic);
    expect(new Set(topics).size).toBe(topics.length);
  });

  for (const seed of SEED_TOPICS) {
    it(seed.topic, () => {
      expect(seed.expected.length).toBeGreaterThan(0);
      for (const id of seed.expected) {
        const text = pageText(id);
        expect(text, `${id} is not a current entry`).toBeDefined();
        const missing = seed.terms.filter((term) => !text?.includes(term.toLowerCase()));
        expect(missing, `${id} no longer mentions`).toEqual([]);
      }
    });
  }
});
