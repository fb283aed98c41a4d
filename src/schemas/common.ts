import { z } from 'astro/zod';

/** A calendar date written YYYY-MM-DD; YAML parsers that turn it into a Date are accepted too. */
export const isoDate = z.preprocess(
  (value) => (value instanceof Date && !Number.isNaN(value.getTime()) ? value.toISOString().slice(0, 10) : value),
  z
    .string({ error: 'expected a date written YYYY-MM-DD' })
    .refine((text) => isRealDate(text), { error: (issue) => `malformed date ${JSON.stringify(issue.input)}: expected a real calendar date written YYYY-MM-DD` }),
);

function isRealDate(text: string): boolean {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(text);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  const date = new Date(Date.UTC(year, month - 1, day));
  return date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
}

/** A reference to another entry by its permanent ID; whether it exists is checked by the integrity rules. */
export const entryRef = z.string().trim().min(1);

/** A pointer into `content/sources/`, optionally narrowed to a section or page. */
export const citation = z.strictObject({
  /** Key of a source in content/sources (the file name without .yaml). */
  source: z.string().min(1),
  /** Where in the source: a section, page or heading, e.g. "§3.1.4". */
  locator: z.string().min(1).optional(),
});
export type Citation = z.infer<typeof citation>;

/** Marks an entry that should no longer be used; the page stays reachable and points onward. */
export const deprecation = z.strictObject({
  /** The entry that replaces this one, if any. */
  replacedBy: entryRef.optional(),
  /** Why it was deprecated, shown in the banner. */
  reason: z.string().min(1),
  /** When it was deprecated. */
  date: isoDate,
});

/** C0, DEL and C1 controls and the Unicode line separators: never part of a title or summary. */
export const CONTROL_CHARACTER = /[\u0000-\u001f\u007f-\u009f\u2028\u2029]/;
const withoutControls = (text: string) => !CONTROL_CHARACTER.test(text);
const NO_CONTROLS = { error: 'control characters (tabs, newlines, escapes) are not allowed' };

/** Fields every entry of every type has. */
export function baseEntry<P extends string>(idPattern: RegExp, example: P) {
  return z.strictObject({
    /** Permanent ID. Never reused or renumbered; a renamed entry keeps its old ID in `aliases`. */
    id: z.string().regex(idPattern, { error: (issue) => `ID ${JSON.stringify(issue.input)} does not match the format ${example}` }),
    /** Page title: what the entry is, in plain words. */
    title: z.string().min(3).refine(withoutControls, NO_CONTROLS),
    /** One or two sentences shown in lists, search results and link previews. */
    summary: z.string().min(20).max(400).refine(withoutControls, NO_CONTROLS),
    /** Older IDs or URL slugs that must keep resolving to this entry. */
    aliases: z.array(z.string().min(1)).default([]),
    /** Last substantive review of the content, YYYY-MM-DD. */
    updated: isoDate,
    /** The sources the facts on this page come from; at least one. */
    citations: z.array(citation).default([]),
    /** Concepts that explain the mechanism behind this entry. */
    concepts: z.array(entryRef).default([]),
    /** Real incidents (CVEs, escapes) that illustrate this entry. */
    incidents: z.array(entryRef).default([]),
    /** Set when the entry is retired; the page stays and points to its replacement. */
    deprecated: deprecation.optional(),
  });
}
