/** A table-of-contents entry, as EntryPage takes it. */
export interface Heading {
  depth: number;
  slug: string;
  text: string;
}

export interface SectionSpec {
  slug: string;
  text: string;
  /** False when the section would only say that there is nothing to show. */
  present: boolean;
}

/**
 * The generated sections a page shows: an empty section is left out rather than saying "none
 * yet", and its entry leaves the table of contents with it.
 */
export function presentSections(specs: readonly SectionSpec[]): { headings: Heading[]; has(slug: string): boolean } {
  const present = specs.filter((spec) => spec.present);
  const slugs = new Set(present.map((spec) => spec.slug));
  return { headings: present.map((spec) => ({ depth: 2, slug: spec.slug, text: spec.text })), has: (slug) => slugs.has(slug) };
}
