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
  /**
   * `vulnerability`: a flaw in a component, with affected and fixed versions. `campaign`: an
   * attack or breach that responders documented (cryptomining through exposed APIs, backdoored
   * images); it has no versions, and `component` names what was abused.
   */
  kind: z.enum(['vulnerability', 'campaign']).default('vulnerability'),
  /** Affected versions as the advisory states them (vulnerabilities). */
  affected: z.string().min(3).optional(),
  /** First fixed versions as the advisory states them (vulnerabilities). */
  fixed: z.string().min(3).optional(),
  /** CVSS v3 base score from the CVE record or vendor advisory, if one was published. */
  cvss: z.number().min(0).max(10).optional(),
}).superRefine((incident, context) => {
  if (incident.kind !== 'vulnerability') return;
  for (const field of ['affected', 'fixed'] as const) {
    if (incident[field] === undefined) context.addIssue({ code: 'custom', path: [field], message: `required for a vulnerability: the versions as the advisory states them (or kind: campaign for an attack without versions)` });
  }
});
export type IncidentData = z.infer<typeof incidentSchema>;
