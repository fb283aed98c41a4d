import { existsSync } from 'node:fs';
import { defineRouteMiddleware } from '@astrojs/starlight/route-data';
import { contentHistory, editUrl, repositoryUrl } from './history.ts';

const escapeHtml = (text: string): string => text.replace(/[&<>]/g, (char) => (char === '&' ? '&amp;' : char === '<' ? '&lt;' : '&gt;'));

/**
 * Starlight writes each head entry's content with set:html, so a title holding
 * `</title><script>` would run as script. Titles come from content files, never markup: escape.
 */
function escapeTitleTag(head: { tag: string; content?: string | undefined }[]): void {
  for (const entry of head) if (entry.tag === 'title' && entry.content) entry.content = escapeHtml(entry.content);
}

/**
 * The guides under src/content/docs get the same "Edit this page" link and git date as entry
 * pages. Pages generated from the graph (StarlightPage) have no file of their own here: Starlight
 * gives them a made-up path, so they are left alone and show their sources through EntryHistory.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  escapeTitleTag(route.head);
  const file = route.entry.filePath;
  if (!existsSync(file)) return;
  const url = editUrl(repositoryUrl(), file);
  if (url) route.editUrl = new URL(url);
  const changed = contentHistory().get(file)?.changed;
  if (changed) route.lastUpdated = new Date(changed);
});
