import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { expect, test } from '@playwright/test';
import { findPlaceholdersInHtml } from '../../placeholders.ts';

/**
 * What a reader sees on the built site holds no fill-in placeholder (`<bulkhead repository>`,
 * `<your org>`) and no TODO, whatever the page is made from. Reads dist/ from disk: no browser.
 */
test('no page of the built site shows placeholder text', () => {
  const pages = readdirSync('dist', { recursive: true, encoding: 'utf8' }).filter((file) => file.endsWith('.html'));
  expect(pages.length).toBeGreaterThan(100);
  const found = pages.flatMap((file) => findPlaceholdersInHtml(relative('.', join('dist', file)), readFileSync(join('dist', file), 'utf8')));
  expect(found.map((item) => `${item.file} (text line ${item.line}): ${item.text}`)).toEqual([]);
});
