import { z } from 'astro/zod';
import { ID_FORMATS, SEVERITIES } from '../model/vocabulary.ts';
import { baseEntry, entryRef } from './common.ts';

/** External framework IDs this risk corresponds to. Each list is checked against src/catalogs. */
export const frameworkRefs = z.strictObject({
  /** NIST SP 800-190 section 3 sub-section, e.g. "3.1.4". */
  nist: z.array(z.string()).default([]),
  /** MITRE ATT&CK technique IDs on the Containers platform, e.g. "T1611". */
  attack: z.array(z.string()).default([]),
  /** Microsoft Threat Matrix for Kubernetes technique IDs, e.g. "MS-TA9013". */
  msK8s: z.array(z.string()).default([]),
  /** OWASP Kubernetes Top 10 code with edition, e.g. "K01:2022". */
  owaspK8s: z.array(z.string()).default([]),
});
export type FrameworkRefs = z.infer<typeof frameworkRefs>;

export const riskSchema = baseEntry(ID_FORMATS.risks.pattern, ID_FORMATS.risks.example).extend({
  /** The life-cycle stage where the risk arises: image, registry, orchestration, container or host. */
  stage: z.string(),
  /** Impact if exploited, highest first: critical, high, medium, low. */
  severity: z.enum(SEVERITIES),
  /** Mitigations that answer this risk, strongest first. The reverse link is computed. */
  mitigations: z.array(entryRef).default([]),
  /** Mapping to NIST SP 800-190, ATT&CK, the Microsoft matrix and OWASP K8s Top 10. */
  frameworks: frameworkRefs.default({ nist: [], attack: [], msK8s: [], owaspK8s: [] }),
  /** Mermaid source of the attack path (starting point → steps → impact); required for concrete attacks. */
  attackPath: z.string().min(10).optional(),
  /** Plain-text description of the attack path for screen readers. */
  attackPathAlt: z.string().min(10).optional(),
});
export type RiskData = z.infer<typeof riskSchema>;

