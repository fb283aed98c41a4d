import { z } from 'astro/zod';
import { ENVIRONMENTS, ID_FORMATS } from '../model/vocabulary.ts';
import { baseEntry, entryRef } from './common.ts';

export const mitigationSchema = baseEntry(ID_FORMATS.mitigations.pattern, ID_FORMATS.mitigations.example).extend({
  /** Where the how-to applies: docker, podman, kubernetes, host. */
  environments: z.array(z.enum(ENVIRONMENTS)).min(1),
  /** Checks that verify the mitigation is in place. The reverse link is computed. */
  checks: z.array(entryRef).default([]),
  /** NIST SP 800-190 section 4 countermeasures this mitigation implements, e.g. "4.1.4". */
  nist: z.array(z.string()).default([]),
  /** MITRE ATT&CK mitigation IDs this corresponds to, e.g. "M1048". */
  attackMitigations: z.array(z.string()).default([]),
});
export type MitigationData = z.infer<typeof mitigationSchema>;
