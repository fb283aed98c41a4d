import { expect, test } from '@playwright/test';
import { sampleRisk, urlOf } from './sample.ts';

test('full-text search finds a risk by words of its title', async ({ page }) => {
  await page.goto('/');
  await page.keyboard.press('Control+k');
  const input = page.getByRole('searchbox').or(page.locator('.pagefind-ui__search-input')).first();
  await input.fill(sampleRisk.data.title);
  const result = page.locator('.pagefind-ui__result-link', { hasText: sampleRisk.data.title }).first();
  await expect(result).toBeVisible({ timeout: 10_000 });
  await expect(result).toHaveAttribute('href', new RegExp(`${urlOf(sampleRisk)}$`));
});
