/**
 * The checks as the npm package carries them: the metadata `bulkhead rules --format json` wrote
 * at pack time (checks.json), the scanner-rule standings (standing.json) and the rule functions
 * bundled into the CLI. Nothing here reads content/ or needs a package besides Node.
 */
import { readFileSync } from 'node:fs';
import type { RuleStanding, StandingOf } from '../linker/standing.ts';
import { absoluteUrl, siteUrl } from '../model/urls.ts';
import { SCANNERS, type ScannerKey } from '../model/vocabulary.ts';
import { isThreatModelData } from '../report/knowledge.ts';
import type { CheckRule } from '../rules/api.ts';
import type { CheckMetadata, RunnableCheck } from '../rules/engine.ts';
import type { KnowledgeBase, RulesDocument } from './knowledge-base.ts';

/** Bulkhead's standing of every catalogued scanner rule by canonical ID, as standing.json holds it. */
export type StandingTable = Partial<Record<ScannerKey, Record<string, RuleStanding>>>;

export const CHECKS_FILE = 'checks.json';
export const STANDING_FILE = 'standing.json';
/** Risks, mitigations, stages and scanner-rule answers for `bulkhead report` (report/knowledge.ts). */
export const THREAT_MODEL_FILE = 'threat-model.json';

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

function readJson(directory: URL, file: string): unknown {
  return JSON.parse(readFileSync(new URL(file, directory), 'utf8'));
}

function isRulesDocument(value: unknown): value is RulesDocument {
  return isRecord(value) && value.tool === 'bulkhead' && value.version === 1 && typeof value.siteUrl === 'string' && Array.isArray(value.checks) && value.checks.every((check) => isRecord(check) && typeof check.id === 'string' && typeof check.path === 'string');
}

/** A lookup over standing.json; own properties only, so a rule ID such as `__proto__` finds nothing it should not. */
export function standingFromTable(table: StandingTable): StandingOf {
  return (scanner, canonicalId) => {
    const rules = table[scanner];
    return rules && Object.hasOwn(rules, canonicalId) ? rules[canonicalId] : undefined;
  };
}

export interface PackageContents {
  /** The package's directory of data files (checks.json, standing.json). */
  dataDirectory: URL;
  /** The package.json whose version `--version` prints. */
  manifest: URL;
  /** The bundled rule of each automated check, by check ID. */
  rules: Readonly<Record<string, CheckRule>>;
}

export function packagedKnowledgeBase(contents: PackageContents): KnowledgeBase {
  let document: RulesDocument | undefined;
  const rulesDocument = (): RulesDocument => {
    if (document) return document;
    const value = readJson(contents.dataDirectory, CHECKS_FILE);
    if (!isRulesDocument(value)) throw new Error(`${CHECKS_FILE} of the package is not a bulkhead rules document; reinstall the package`);
    return (document = value);
  };
  const manifest: unknown = JSON.parse(readFileSync(contents.manifest, 'utf8'));
  const version = isRecord(manifest) && typeof manifest.version === 'string' ? manifest.version : rulesDocument().toolVersion;
  return {
    version,
    source: () => rulesDocument().knowledgeBase ?? undefined,
    siteUrl,
    async loadChecks(stderr) {
      const checks: RunnableCheck[] = [];
      for (const metadata of rulesDocument().checks) {
        const rule = Object.hasOwn(contents.rules, metadata.id) ? contents.rules[metadata.id] : undefined;
        if (!rule) {
          stderr(`error: the package has no rule for ${metadata.id}; reinstall the package\n`);
          return undefined;
        }
        // The URL follows siteUrl() at run time, as in the repository, so BULKHEAD_SITE_URL moves it.
        const withUrl: CheckMetadata = { ...metadata, url: absoluteUrl(metadata.path) };
        checks.push({ ...withUrl, rule });
      }
      return checks;
    },
    async loadStanding() {
      const table = readJson(contents.dataDirectory, STANDING_FILE);
      if (!isRecord(table) || !Object.keys(table).every((key) => (SCANNERS as readonly string[]).includes(key))) return undefined;
      return standingFromTable(table as StandingTable);
    },
    async loadThreatModel(stderr) {
      let value: unknown;
      try {
        value = readJson(contents.dataDirectory, THREAT_MODEL_FILE);
      } catch {
        value = undefined;
      }
      if (isThreatModelData(value)) return value;
      stderr(`error: the package's ${THREAT_MODEL_FILE} is missing or damaged; reinstall the package\n`);
      return undefined;
    },
  };
}

/** The site URL the package was built for: the default of BULKHEAD_SITE_URL when it is not set. */
export function packagedSiteUrl(dataDirectory: URL): string | undefined {
  const value = readJson(dataDirectory, CHECKS_FILE);
  return isRecord(value) && typeof value.siteUrl === 'string' ? value.siteUrl : undefined;
}
