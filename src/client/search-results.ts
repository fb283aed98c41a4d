import { escapeHtmlAttribute, escapeHtmlText } from '../model/escape-html.ts';
import type { IdTarget, PageResult } from './search-engine.ts';

/** Pagefind excerpts carry <mark> around hits and nothing else worth keeping: all else is text. */
function safeExcerpt(excerpt: string): string {
  return escapeHtmlText(excerpt).replace(/&lt;mark&gt;/g, '<mark>').replace(/&lt;\/mark&gt;/g, '</mark>');
}

/**
 * Renders exact-ID matches first, then full-text results, as options of a listbox so arrow keys
 * and screen readers treat them as one list. Each option is a real link (`<a role="option"
 * href>`): it opens in a new tab, copies and middle-clicks like any link, and the list stays one
 * listbox because the link itself is the option (an option may not contain a link).
 */
export function renderResults(list: HTMLElement, prefix: string, ids: IdTarget[], pages: PageResult[], query: string): HTMLElement[] {
  const idUrls = new Set(ids.map((target) => target.url));
  const rest = pages.filter((page) => !idUrls.has(page.url));
  const options: string[] = [];
  let index = 0;
  const option = (html: string, url: string, extraClass = '') => `<li role="presentation"><a role="option" id="${prefix}-${index++}" class="search-option ${extraClass}" aria-selected="false" href="${escapeHtmlAttribute(url)}">${html}</a></li>`;
  if (ids.length > 0) options.push(`<li role="presentation" class="search-group">Exact ID match</li>`);
  for (const target of ids) {
    options.push(option(`<span class="search-title"><span class="search-kind">${escapeHtmlText(target.kind)}</span> ${escapeHtmlText(target.label)}</span>`, target.url, 'search-exact'));
    for (const item of target.related ?? []) options.push(option(`<span class="search-title"><span class="search-kind">maps to</span> ${escapeHtmlText(item.label)}</span>`, item.url, 'search-related-option'));
  }
  if (rest.length > 0) options.push(`<li role="presentation" class="search-group">Pages</li>`);
  for (const page of rest) {
    options.push(option(`<span class="search-title">${page.type ? `<span class="search-kind">${escapeHtmlText(page.type)}</span> ` : ''}${escapeHtmlText(page.title)}</span><span class="search-excerpt">${safeExcerpt(page.excerpt)}</span>`, page.url));
  }
  if (options.length === 0 && query.trim().length >= 2) options.push(`<li role="presentation" class="search-empty">No results for “${escapeHtmlText(query)}”. Try an ID such as KSV017, CVE-2019-5736 or CAP_SYS_ADMIN.</li>`);
  list.innerHTML = options.join('');
  return [...list.querySelectorAll<HTMLElement>('[role="option"]')];
}

/** Enter in the search box follows the active option, as a click on it would. */
export function openOption(option: HTMLElement | undefined): void {
  const url = option?.getAttribute('href');
  if (url) location.href = url;
}

/** Marks one option active (or none, at -1) for the list and for screen readers. */
function setActive(input: HTMLInputElement, options: HTMLElement[], next: number): number {
  options.forEach((option, position) => option.setAttribute('aria-selected', String(position === next)));
  const active = options[next];
  if (active) input.setAttribute('aria-activedescendant', active.id);
  else input.removeAttribute('aria-activedescendant');
  return active ? next : -1;
}

/** Arrow keys move through options; Enter opens the active one. Returns the new active index. */
export function moveActive(input: HTMLInputElement, options: HTMLElement[], current: number, key: string): number {
  if (options.length === 0) return -1;
  let next = current;
  if (key === 'ArrowDown') next = current < options.length - 1 ? current + 1 : 0;
  else if (key === 'ArrowUp') next = current > 0 ? current - 1 : options.length - 1;
  else if (key === 'Home') next = 0;
  else if (key === 'End') next = options.length - 1;
  const index = setActive(input, options, next);
  options[index]?.scrollIntoView({ block: 'nearest' });
  return index;
}

/**
 * The ID answer is shown at once and full text follows; a reader who already moved to an option
 * keeps it when the list grows, instead of Enter opening something else.
 */
export function keepActive(input: HTMLInputElement, options: HTMLElement[], activeUrl: string | null): number {
  const index = activeUrl === null ? -1 : options.findIndex((option) => option.getAttribute('href') === activeUrl);
  return setActive(input, options, index);
}
