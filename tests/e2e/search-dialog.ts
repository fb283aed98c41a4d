import { expect, type Locator, type Page } from '@playwright/test';

/** Opens the search dialog with its keyboard shortcut, as a reader would, and returns its box. */
export async function openSearch(page: Page): Promise<Locator> {
  await page.keyboard.press('/');
  const input = page.getByRole('combobox', { name: 'Search by ID or words' });
  await expect(input).toBeFocused();
  return input;
}
