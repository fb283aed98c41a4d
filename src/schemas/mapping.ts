import { z } from 'astro/zod';
import { entryRef } from './common.ts';

/**
 * How a scanner rule compares with a Bulkhead check, from the scanner's side: `narrower` means
 * the scanner flags less than the check (a clean scanner run does not mean the check passes).
 */
export const RELATIONS = ['same', 'narrower', 'broader', 'related'] as const;
export type Relation = (typeof RELATIONS)[number];

export const checkMapping = z.strictObject({
  /** The check that verifies the same control. */
  id: entryRef,
  relation: z.enum(RELATIONS),
  /** What differs, in one sentence that starts with the scanner rule; required unless `same`. */
  difference: z.string().trim().min(20).optional(),
});
export type CheckMapping = z.infer<typeof checkMapping>;

/** What Bulkhead says about one scanner rule: checks, related risks/mitigations, or out of scope. */
export const ruleAnswer = z.strictObject({
  checks: z.array(checkMapping).default([]),
  /** Risks or mitigations that explain the rule when no check verifies the same condition. */
  related: z.array(entryRef).default([]),
  /** Why no Bulkhead entry answers the rule, in one sentence shown on its page. */
  outOfScope: z.string().trim().min(20).optional(),
  /** The scanner's rule only prints a note for a person to judge (when its catalog does not say so). */
  manual: z.literal(true).optional(),
});
export type RuleAnswerData = z.infer<typeof ruleAnswer>;

/** A mapping file: scanner key → canonical rule ID → answer. Scanner keys are checked by the integrity rule. */
export const mappingFileSchema = z.record(z.string(), z.record(z.string(), ruleAnswer));
