import type { CheckData, ConceptData, IncidentData, MitigationData, RiskData, SourceData, StageData } from '../schemas/index.ts';

interface EntryBase<K extends string, D> {
  /** Which collection the entry belongs to; TypeScript narrows the union on it. */
  kind: K;
  /** Source file relative to the repository root. */
  file: string;
  data: D;
  /** The MDX body (empty for sources); the site renders it through Astro, the validator reads it. */
  body: string;
  /** 1-based line of the body's first line in the file, for error messages. */
  bodyLine: number;
}

export type StageEntry = EntryBase<'stages', StageData>;
export type RiskEntry = EntryBase<'risks', RiskData>;
export type MitigationEntry = EntryBase<'mitigations', MitigationData>;
export type CheckEntry = EntryBase<'checks', CheckData> & {
  /** Present when the check's folder holds a machine rule with pass/fail fixtures. */
  automation?: CheckAutomation;
};
export type ConceptEntry = EntryBase<'concepts', ConceptData>;
export type IncidentEntry = EntryBase<'incidents', IncidentData>;
export type SourceEntry = EntryBase<'sources', SourceData>;

export interface CheckAutomation {
  /** Path of the rule module relative to the repository root. */
  ruleFile: string;
  passFixtures: string[];
  failFixtures: string[];
}

/** Entries that have a permanent Bulkhead ID (everything but sources, which have keys). */
export type IdEntry = StageEntry | RiskEntry | MitigationEntry | CheckEntry | ConceptEntry | IncidentEntry;
export type Entry = IdEntry | SourceEntry;

export function entryKey(entry: Entry): string {
  return entry.kind === 'sources' ? entry.data.key : entry.data.id;
}
