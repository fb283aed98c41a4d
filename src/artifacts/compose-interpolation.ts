/**
 * Compose variable interpolation as compose-go applies it to every string value of a Compose
 * file before reading it (keys are not interpolated):
 *
 *   $$ → $,  $VAR / ${VAR},  ${VAR:-default} / ${VAR-default},  ${VAR:+alt} / ${VAR+alt},
 *   ${VAR:?error} / ${VAR?error}; defaults may themselves hold ${…}.
 *
 * Bulkhead does not know the variables of the machine that will run `docker compose up` (the
 * shell and `.env` there, not the CI runner's), so every variable is taken as unset: a default is
 * what the file says will run unless someone sets the variable, and that is what is checked.
 * An unset variable without default reads as "", as compose-go substitutes it (with a warning).
 */

const NAME = /^[_a-zA-Z][_a-zA-Z0-9]*/;

/** The index of the `}` closing the `${` whose content starts at `from`, counting nested `${…}`. */
function closingBrace(text: string, from: number): number {
  let depth = 1;
  for (let index = from; index < text.length; index++) {
    const char = text[index];
    if (char === '$' && text[index + 1] === '{') {
      depth++;
      index++;
    } else if (char === '}' && --depth === 0) return index;
  }
  return -1;
}

/** The value of `${…}`'s content with every variable unset. */
function braced(content: string): string {
  const name = NAME.exec(content)?.[0];
  if (name === undefined) return `\${${content}}`;
  const operator = /^:?[-+?]/.exec(content.slice(name.length))?.[0] ?? '';
  const argument = content.slice(name.length + operator.length);
  if (operator.endsWith('-')) return interpolate(argument);
  // `+` substitutes only when the variable is set, `?` fails when it is not: unset, both give "".
  return '';
}

/** `text` with Compose interpolation applied, every variable unset. */
export function interpolate(text: string): string {
  if (!text.includes('$')) return text;
  let out = '';
  let index = 0;
  while (index < text.length) {
    const dollar = text.indexOf('$', index);
    if (dollar === -1) {
      out += text.slice(index);
      break;
    }
    out += text.slice(index, dollar);
    const next = text[dollar + 1];
    if (next === '$') {
      out += '$';
      index = dollar + 2;
    } else if (next === '{') {
      const close = closingBrace(text, dollar + 2);
      if (close === -1) {
        // compose-go refuses an unclosed ${; keep it as written so nothing is invented.
        out += text.slice(dollar);
        break;
      }
      out += braced(text.slice(dollar + 2, close));
      index = close + 1;
    } else {
      const name = NAME.exec(text.slice(dollar + 1))?.[0];
      if (name === undefined) out += '$';
      index = dollar + 1 + (name?.length ?? 0);
    }
  }
  return out;
}

/**
 * Interpolates every string value below `value` in place. Aliases share nodes, so each mapping
 * and sequence is visited once: interpolating twice would turn `$$X` into `$X` and then into "".
 */
export function interpolateDocument(value: unknown): void {
  const visited = new Set<object>();
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (node === null || typeof node !== 'object' || visited.has(node)) continue;
    visited.add(node);
    if (Array.isArray(node)) {
      node.forEach((item: unknown, index) => {
        if (typeof item === 'string') node[index] = interpolate(item);
        else pending.push(item);
      });
      continue;
    }
    const record = node as Record<string, unknown>;
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === 'string') Object.defineProperty(record, key, { value: interpolate(item), writable: true, enumerable: true, configurable: true });
      else pending.push(item);
    }
  }
}
