import type { ScannerKey, Severity } from '../model/vocabulary.ts';
import type { Relation } from '../schemas/mapping.ts';

/** One scanner rule about a finding's condition: `narrower` means a clean scanner run does not mean the check passes. */
export interface ScannerRelation {
  scanner: ScannerKey;
  id: string;
  relation: Relation;
  /** The scanner's rule only prints a note for a person. */
  manual: boolean;
}

/** One result of `bulkhead check`: everything a reader or a code-scanning UI needs to act on it. */
export interface Finding {
  checkId: string;
  checkTitle: string;
  severity: Severity;
  /** Risks the check's mitigations answer, most severe first. */
  riskIds: string[];
  file: string;
  line?: number;
  column?: number;
  /** What was checked: "Deployment/web", "service web", "stage 2 (FROM node:22)". */
  object: string;
  message: string;
  /** Other scanners' rules about this condition: canonical rule IDs per scanner. */
  scannerRules: Partial<Record<ScannerKey, string[]>>;
  /** The same rules with how each compares with the check (content/mappings). */
  scannerRelations: ScannerRelation[];
  /** The check's page on the site. */
  url: string;
}
