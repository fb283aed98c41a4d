import type { ScannerKey } from '../model/vocabulary.ts';

/** A scanner rule as Bulkhead uses it, whatever the catalog's own field names. */
export interface ScannerRule {
  scanner: ScannerKey;
  /** The canonical ID content must use, e.g. KSV-0017, C-0057, 5.2.2, CKV_K8S_16. */
  id: string;
  /** Every other spelling a finding may carry (KSV017, AVD-KSV-0017, slugs, legacy IDs). */
  spellings: string[];
  title: string;
  /** Scanner-reported severity, lower-case, when the scanner assigns one. */
  severity?: string;
  description?: string | undefined;
  remediation?: string | undefined;
  /** The scanner's own page for this rule, or null when it has none. */
  url: string | null;
  deprecated: boolean;
  /** The benchmark marks the item Manual: the scanner prints a note for a person to judge, not a verdict. */
  manual: boolean;
  /** Grouping the scanner uses (CIS section, target kind). */
  group?: string;
}

export interface ScannerCatalog {
  scanner: ScannerKey;
  name: string;
  source: { repo: string; commit: string; committed: string };
  /** Benchmark edition for CIS-numbered scanners. */
  edition?: string;
  rules: ScannerRule[];
}

export type FrameworkEntryKind = 'technique' | 'mitigation' | 'risk' | 'risk-group' | 'countermeasure' | 'countermeasure-group' | 'section' | 'top10';

export interface FrameworkEntry {
  id: string;
  name: string;
  kind: FrameworkEntryKind;
  url: string;
  /** NIST: the stage of a section 3/4 entry. */
  stage?: string;
  /** ATT&CK and Microsoft: tactic names. */
  tactics?: string[];
  deprecated?: boolean;
}

export interface FrameworkCatalog {
  key: 'nist' | 'attack' | 'msK8s' | 'owaspK8s';
  name: string;
  /** Edition or snapshot this catalog pins, in words a reader can use ("as published on 2025-11-13"). */
  edition: string;
  /** The upstream commit behind a snapshot, for exports that need to be exact. */
  revision?: string;
  entries: FrameworkEntry[];
}
