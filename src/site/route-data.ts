import { existsSync } from 'node:fs';
import { defineRouteMiddleware, type StarlightRouteData } from '@astrojs/starlight/route-data';
import { escapeHtmlText } from '../model/escape-html.ts';
import { withBase } from '../model/urls.ts';
import { getGraph } from './graph.ts';
import { contentHistory, editUrl, repositoryUrl } from './history.ts';
import { stageLinkLabel } from './stage-labels.ts';

type SidebarEntry = StarlightRouteData['sidebar'][number];

/**
 * Starlight writes each head entry's content with set:html, so a title holding
 * `</title><script>` would run as script. Titles come from content files, never markup: escape
 * them as text content (the <title> element's text; no attribute is written here).
 */
function escapeTitleTag(head: StarlightRouteData['head']): void {
  for (const entry of head) if (entry.tag === 'title' && entry.content) entry.content = escapeHtmlText(entry.content);
}

/**
 * The 404 page answers at every missing address: a canonical link or og:url naming "/404/", an
 * address that does not exist, would tell crawlers and link previews the wrong thing.
 */
function dropCanonical(head: StarlightRouteData['head']): StarlightRouteData['head'] {
  return head.filter((entry) => !(entry.tag === 'link' && entry.attrs?.rel === 'canonical') && !(entry.tag === 'meta' && entry.attrs?.property === 'og:url'));
}

/** Stage links in the sidebar carry the stage's own title, as its page and the matrices do. */
function relabelStages(entries: SidebarEntry[], labelOf: (href: string) => string | undefined): void {
  for (const entry of entries) {
    if (entry.type === 'group') relabelStages(entry.entries, labelOf);
    else entry.label = labelOf(entry.href) ?? entry.label;
  }
}

/**
 * The guides under src/content/docs get the same "Edit this page" link and git date as entry
 * pages. Pages generated from the graph (StarlightPage) have no file of their own here: Starlight
 * gives them a made-up path, so they are left alone and show their sources through EntryHistory.
 */
export const onRequest = defineRouteMiddleware((context) => {
  const route = context.locals.starlightRoute;
  escapeTitleTag(route.head);
  if (context.url.pathname.replace(/\/?$/, '/') === withBase('/404/')) route.head = dropCanonical(route.head);
  const stages = getGraph().stages;
  const labelOf = (href: string) => stageLinkLabel(stages, href);
  relabelStages(route.sidebar, labelOf);
  for (const link of [route.pagination.prev, route.pagination.next]) if (link) link.label = labelOf(link.href) ?? link.label;
  const file = route.entry.filePath;
  if (!existsSync(file)) return;
  const url = editUrl(repositoryUrl(), file);
  if (url) route.editUrl = new URL(url);
  const changed = contentHistory().get(file)?.changed;
  if (changed) route.lastUpdated = new Date(changed);
});
