import { expect, test } from '@playwright/test';
import { SEED_TOPICS } from '../../fixtures/seed-topics.ts';
import { graph, urlOf } from './sample.ts';

// Every topic of the source documents is findable: a reader who types the topic's words on the
// search page sees a page that explains it among the first five pages (after any exact-ID match,
// which the search shows first).
const TOP = 5;

for (const seed of SEED_TOPICS) {
  test(`"${seed.query}" finds a page on: ${seed.topic}`, async ({ page }) => {
    const expected = seed.expected.map((id) => {
      const entry = graph.entryById(id);
      if (!entry) throw new Error(`${id} is not in the content (tests/unit/seed-topics.test.ts says which)`);
      return urlOf(entry);
    });
    await page.goto(`/search/?q=${encodeURIComponent(seed.query)}`);
    const options = page.locator('#search-page-results [role="option"]');
    await expect(options.first()).toBeVisible({ timeout: 15_000 });
    await expect
      .poll(
        async () => {
          const exact = await page.locator('#search-page-results .search-exact, #search-page-results .search-related-option').count();
          const urls = await options.evaluateAll((items) => items.map((item) => item.getAttribute('href') ?? ''));
          return urls.slice(0, exact + TOP).filter((url) => expected.includes(url));
        },
        { timeout: 10_000, message: `one of ${expected.join(', ')} in the top ${TOP}` },
      )
      .not.toEqual([]);
  });
}
