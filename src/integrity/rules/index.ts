import type { IntegrityRule } from '../rule.ts';
import { automationFixtures } from './automation.ts';
import { bodyReferences } from './body-references.ts';
import { diagramText, inspectCommands, requiredBodySections } from './body.ts';
import { diagramSafety } from './diagram-safety.ts';
import { checkWithoutMitigation, incidentLinks, missingCitation, mitigationWithoutCheck, riskWithoutMitigation, unknownSource } from './coverage.ts';
import { unknownFrameworkId } from './external-ids.ts';
import { scannerMappings } from './scanner-mappings.ts';
import { duplicateId, fileName, stageSet } from './identity.ts';
import { duplicateIdentifier } from './identifiers.ts';
import { mdxBody } from './mdx-body.ts';
import { unknownReference } from './references.ts';
import { unwrittenScaffold } from './scaffold.ts';

/** Every integrity rule, in the order their problems are listed. */
export const INTEGRITY_RULES: readonly IntegrityRule[] = [
  duplicateId,
  duplicateIdentifier,
  fileName,
  stageSet,
  unknownReference,
  bodyReferences,
  unknownSource,
  missingCitation,
  riskWithoutMitigation,
  mitigationWithoutCheck,
  checkWithoutMitigation,
  incidentLinks,
  scannerMappings,
  unknownFrameworkId,
  requiredBodySections,
  inspectCommands,
  diagramText,
  diagramSafety,
  automationFixtures,
  mdxBody,
  unwrittenScaffold,
];
