/**
 * Where the CLI's checks come from. In the repository they are read from `content/` (repo-kb.ts);
 * in the npm package from the metadata JSON and the bundled rules written at pack time
 * (package-kb.ts). main.ts only sees this interface, so both run the same commands, findings,
 * JSON and SARIF, and the package bundle never contains the content parser.
 */
import type { StandingOf } from '../linker/standing.ts';
import type { ThreatModelData } from '../report/knowledge.ts';
import type { CheckMetadata, RunnableCheck } from '../rules/engine.ts';

/** The knowledge-base commit the checks were taken from. */
export interface KnowledgeBaseSource {
  commit: string;
  /** The commit's date, YYYY-MM-DD. */
  date: string;
  /** content/ or src/ had uncommitted changes when the checks were read. */
  modified: boolean;
}

export interface KnowledgeBase {
  /** The CLI's version: package.json's. */
  version: string;
  /** The knowledge-base commit, or undefined when it is unknown (not a git checkout, no git). */
  source(): KnowledgeBaseSource | undefined;
  /** The site the check pages are on, as written into reports. */
  siteUrl(): string;
  /** The automated checks; undefined when they cannot be loaded, after writing why to `stderr`. */
  loadChecks(stderr: (text: string) => void): Promise<RunnableCheck[] | undefined>;
  /** Bulkhead's standing of each scanner rule, which `bulkhead link` writes into SARIF reports. */
  loadStanding(): Promise<StandingOf | undefined>;
  /**
   * Risks, mitigations, stages and scanner-rule answers for `bulkhead report`; undefined when
   * they cannot be loaded, after writing why to `stderr`. Optional: a knowledge base without it
   * (an older package) runs every command but report.
   */
  loadThreatModel?(stderr: (text: string) => void): Promise<ThreatModelData | undefined>;
}

/** `bulkhead rules --format json`, and the metadata file the npm package carries (its checks.json). */
export interface RulesDocument {
  tool: 'bulkhead';
  /** Bump when a field changes meaning. */
  version: 1;
  toolVersion: string;
  knowledgeBase: KnowledgeBaseSource | null;
  siteUrl: string;
  checks: CheckMetadata[];
}

/** Metadata only: the rule functions stay behind. */
export function metadataOf(rest: CheckMetadata): CheckMetadata {
  // A RunnableCheck also carries its rule, an AutomatedCheck its content entry: only the metadata fields are kept.
  return {
    id: rest.id,
    title: rest.title,
    summary: rest.summary,
    severity: rest.severity,
    verifies: rest.verifies,
    environments: rest.environments,
    command: rest.command,
    expected: rest.expected,
    kinds: rest.kinds,
    riskIds: rest.riskIds,
    scannerRules: rest.scannerRules,
    scannerRelations: rest.scannerRelations,
    path: rest.path,
    url: rest.url,
  };
}

export function rulesDocument(kb: KnowledgeBase, checks: readonly RunnableCheck[]): RulesDocument {
  return { tool: 'bulkhead', version: 1, toolVersion: kb.version, knowledgeBase: kb.source() ?? null, siteUrl: kb.siteUrl(), checks: checks.map(metadataOf) };
}

/** "bulkhead 0.1.0, knowledge base acf3650c1d2e of 2026-12-02" — what `bulkhead --version` prints. */
export function describeVersion(kb: KnowledgeBase): string {
  const source = kb.source();
  const base = source ? `knowledge base ${source.commit.slice(0, 12)} of ${source.date}${source.modified ? ' with uncommitted changes' : ''}` : 'knowledge base of unknown commit';
  return `bulkhead ${kb.version}, ${base}`;
}
