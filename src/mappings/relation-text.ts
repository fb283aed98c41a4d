import type { Relation } from '../schemas/mapping.ts';

/**
 * Relations from closest to loosest: a rule's relation on its /ref/ page is its closest one, and
 * the CLI lists rules in this order. Kept here, free of zod, so the npm package's bundle can use it.
 */
export const RELATION_ORDER: readonly Relation[] = ['same', 'narrower', 'broader', 'related'];

/** The words a reader sees for each relation, from the scanner rule's side. */
export const RELATION_LABELS: Record<Relation, string> = {
  same: 'same',
  narrower: 'narrower',
  broader: 'broader',
  related: 'related',
};

/** "checks the same condition as", "is narrower than (flags less than)", … for one sentence. */
export const RELATION_PHRASES: Record<Relation, string> = {
  same: 'checks the same condition as',
  narrower: 'is narrower than (flags less than)',
  broader: 'is broader than (flags more than)',
  related: 'is related to (a different condition on the same topic as)',
};

/** What a clean scanner run means for the check, by relation. */
export const RELATION_CONSEQUENCES: Record<Relation, string> = {
  same: 'A clean result from the scanner means the check passes.',
  narrower: 'A clean result from the scanner does not mean the check passes.',
  broader: 'The scanner can report findings the check accepts.',
  related: 'The scanner result says nothing definite about the check.',
};

export const MANUAL_NOTE = 'The scanner only prints a note for a person to judge (a manual item): it gives no pass or fail of its own.';
