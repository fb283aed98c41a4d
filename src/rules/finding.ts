import type { ScannerKey, Severity } from '../model/vocabulary.ts';

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
  /** The same condition in other scanners' words: canonical rule IDs per scanner. */
  scannerRules: Partial<Record<ScannerKey, string[]>>;
  /** The check's page on the site. */
  url: string;
}
