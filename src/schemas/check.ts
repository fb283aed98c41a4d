import { z } from 'astro/zod';
import { ENVIRONMENTS, ID_FORMATS, SEVERITIES } from '../model/vocabulary.ts';
import { baseEntry } from './common.ts';

export const checkSchema = baseEntry(ID_FORMATS.checks.pattern, ID_FORMATS.checks.example).extend({
  /**
   * How serious a finding of this check is, by the rubric in CONTRIBUTING.md ("Severity"): the
   * check's own condition, not the worst of its risks, so that a hardened workload stays quiet.
   */
  severity: z.enum(SEVERITIES),
  /** The condition that holds when the mitigation is in place, as one sentence. */
  verifies: z.string().min(10),
  /** Where the command runs. */
  environments: z.array(z.enum(ENVIRONMENTS)).min(1),
  /** The exact command a person runs; placeholders in UPPER_CASE. */
  command: z.string().min(3),
  /** What the command prints. */
  expected: z.strictObject({
    /** Output that means the mitigation is in place. */
    pass: z.string().min(1),
    /** Output that means it is not. */
    fail: z.string().min(1),
  }),
});
export type CheckData = z.infer<typeof checkSchema>;
