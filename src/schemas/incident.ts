import { z } from 'astro/zod';
import { ID_FORMATS } from '../model/vocabulary.ts';
import { baseEntry, isoDate } from './common.ts';

export const incidentSchema = baseEntry(ID_FORMATS.incidents.pattern, ID_FORMATS.incidents.example).extend({
  /** CVE IDs of the incident, e.g. "CVE-2019-5736". Empty for incidents without a CVE. */
  cves: z.array(z.string().regex(/^CVE-\d{4}-\d{4,}$/, { error: (issue) => `${JSON.stringify(issue.input)} is not a CVE ID (CVE-YYYY-NNNN)` })).default([]),
  /** The component that had the flaw, e.g. "runc", "Linux kernel". */
  component: z.string().min(2),
  /** Date of public disclosure. */
  disclosed: isoDate,
  /** Affected versions as the advisory states them. */
  affected: z.string().min(3),
  /** First fixed versions as the advisory states them. */
  fixed: z.string().min(3),
  /** CVSS v3 base score from the CVE record or vendor advisory, if one was published. */
  cvss: z.number().min(0).max(10).optional(),
});
export type IncidentData = z.infer<typeof incidentSchema>;
