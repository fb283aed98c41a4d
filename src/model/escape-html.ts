/**
 * The one HTML escaping of the product: the site's build, the search box in the browser and
 * `bulkhead report --format html` all escape through this module, so one rule cannot drift from
 * another (a stored-XSS bug came back once when one of several private copies was lost in an edit).
 *
 * No imports, no Node API, no zod: the client bundle imports it as the CLI and the build do.
 *
 * What neither function makes safe: text inside <script> or <style>, an unquoted attribute value,
 * an event-handler attribute (onclick="…"), or a URL's scheme (escaping keeps `javascript:` a
 * javascript: URL; check the scheme before writing a link).
 */

const ENTITIES: Readonly<Record<string, string>> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
const entity = (character: string): string => ENTITIES[character] ?? character;

/**
 * Escapes & < > for text content: between tags (`<p>${…}</p>`) and inside <title> or
 * <textarea>, whose text a `</title>` would otherwise end. Quotes are left as they are, so this
 * is NOT safe inside an attribute value: use escapeHtmlAttribute there.
 */
export function escapeHtmlText(text: string): string {
  return text.replace(/[&<>]/g, entity);
}

/**
 * Escapes & < > " ' for a quoted attribute value (`href="${…}"`, `aria-label='${…}'`): no quote
 * can end the value and start a new attribute (`" onmouseover=…`). Also safe for text content, so
 * a string that goes into both (as in the HTML report) can use this one.
 */
export function escapeHtmlAttribute(text: string): string {
  return text.replace(/[&<>"']/g, entity);
}
