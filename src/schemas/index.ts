import type { CollectionName } from '../model/vocabulary.ts';
import { checkSchema } from './check.ts';
import { conceptSchema } from './concept.ts';
import { incidentSchema } from './incident.ts';
import { mitigationSchema } from './mitigation.ts';
import { riskSchema } from './risk.ts';
import { sourceSchema } from './source.ts';
import { stageSchema } from './stage.ts';

/** The schema of each collection: the one definition shared by Astro, the validator and exports. */
export const SCHEMAS = {
  stages: stageSchema,
  risks: riskSchema,
  mitigations: mitigationSchema,
  checks: checkSchema,
  concepts: conceptSchema,
  incidents: incidentSchema,
  sources: sourceSchema,
} as const satisfies Record<CollectionName, unknown>;

export { checkSchema, conceptSchema, incidentSchema, mitigationSchema, riskSchema, sourceSchema, stageSchema };
export type { CheckData } from './check.ts';
export type { ConceptData } from './concept.ts';
export type { IncidentData } from './incident.ts';
export type { MitigationData } from './mitigation.ts';
export type { RiskData, FrameworkRefs } from './risk.ts';
export type { SourceData } from './source.ts';
export type { StageData } from './stage.ts';
