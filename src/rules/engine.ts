import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Artifact } from '../artifacts/artifact.ts';
import type { Dockerfile } from '../artifacts/dockerfile.ts';
import { describeObject } from '../artifacts/kubernetes.ts';
import type { Position } from '../artifacts/location.ts';
import type { YamlDocument } from '../artifacts/yaml-stream.ts';
import type { CheckEntry } from '../graph/entries.ts';
import type { ContentGraph } from '../graph/graph.ts';
import { absoluteUrl, entryUrl } from '../model/urls.ts';
import { SCANNERS, type ArtifactKind, type Environment, type ScannerKey, type Severity } from '../model/vocabulary.ts';
import type { CheckRule, RuleHit } from './api.ts';
import type { Finding, ScannerRelation } from './finding.ts';

/**
 * What findings, reports and `bulkhead rules` say about an automated check. Plain data: the npm
 * package ships it as JSON (`bulkhead rules --format json` writes it), so the packaged CLI needs
 * neither the content nor its parser.
 */
export interface CheckMetadata {
  id: string;
  title: string;
  summary: string;
  severity: Severity;
  verifies: string;
  environments: Environment[];
  /** The command that proves the mitigation on a live system, and what it prints. */
  command: string;
  expected: { pass: string; fail: string };
  /** The artifact kinds the rule reads. */
  kinds: ArtifactKind[];
  riskIds: string[];
  scannerRules: Partial<Record<ScannerKey, string[]>>;
  scannerRelations: ScannerRelation[];
  /** The check's page path on the site; `url` is it under siteUrl(). */
  path: string;
  url: string;
}

/** A check that can run: its metadata and its machine rule. */
export interface RunnableCheck extends CheckMetadata {
  rule: CheckRule;
}

/** A check with its machine rule and the metadata findings carry, resolved once per run from the content graph. */
export interface AutomatedCheck extends RunnableCheck {
  check: CheckEntry;
}

/** The artifact kinds a rule has handlers for, for the check page and `bulkhead rules`. */
export function kindsOfRule(rule: CheckRule): ArtifactKind[] {
  const kinds: ArtifactKind[] = [];
  if (rule.dockerfile) kinds.push('dockerfile');
  if (rule.kubernetes) kinds.push('kubernetes');
  if (rule.docker) kinds.push('compose', 'inspect');
  if (rule.daemon) kinds.push('docker-daemon');
  return kinds;
}

function isCheckRule(value: unknown): value is CheckRule {
  if (value === null || typeof value !== 'object') return false;
  const handlers = ['dockerfile', 'kubernetes', 'docker', 'daemon'];
  const keys = Object.keys(value);
  return keys.length > 0 && keys.every((key) => handlers.includes(key) && typeof (value as Record<string, unknown>)[key] === 'function');
}

export async function importRule(rootDir: string, ruleFile: string): Promise<CheckRule> {
  let module: unknown;
  try {
    module = await import(pathToFileURL(join(rootDir, ruleFile)).href);
  } catch (error) {
    throw new Error(`${ruleFile}: the rule does not load: ${error instanceof Error ? error.message : String(error)}`);
  }
  const rule = (module as { default?: unknown }).default;
  if (!isCheckRule(rule)) throw new Error(`${ruleFile}: the default export must be defineRule({ dockerfile?, kubernetes?, docker?, daemon? }) with at least one handler`);
  return rule;
}

export async function loadAutomatedChecks(graph: ContentGraph, rootDir: string): Promise<AutomatedCheck[]> {
  const automated = graph.checks.filter((check) => check.automation);
  return Promise.all(
    automated.map(async (check): Promise<AutomatedCheck> => {
      const rule = await importRule(rootDir, check.automation?.ruleFile ?? '');
      const links = graph.ruleLinksOfCheck(check);
      const scannerRules: Partial<Record<ScannerKey, string[]>> = {};
      for (const scanner of SCANNERS) {
        const ids = links.filter((link) => link.rule.scanner === scanner).map((link) => link.rule.id);
        if (ids.length > 0) scannerRules[scanner] = ids;
      }
      const scannerRelations = links.map((link): ScannerRelation => ({ scanner: link.rule.scanner, id: link.rule.id, relation: link.mapping.relation, manual: link.answer.manual }));
      const { data } = check;
      const path = entryUrl(check);
      return {
        check,
        rule,
        id: data.id,
        title: data.title,
        summary: data.summary,
        severity: graph.severityOfCheck(check),
        verifies: data.verifies,
        environments: data.environments,
        command: data.command,
        expected: { pass: data.expected.pass, fail: data.expected.fail },
        kinds: kindsOfRule(rule),
        riskIds: graph.risksVerifiedBy(check).map((risk) => risk.data.id),
        scannerRules,
        scannerRelations,
        path,
        url: absoluteUrl(path),
      };
    }),
  );
}

function position(hit: RuleHit, document: YamlDocument | undefined): Position | undefined {
  if (!Array.isArray(hit.at)) return hit.at as Position;
  return document?.locate(hit.at);
}

/** The build stage a Dockerfile finding is in, named as the Dockerfile names it, for the report. */
function stageOf(dockerfile: Dockerfile, at: Position | undefined): string {
  const stage = dockerfile.stages.filter((candidate) => candidate.from.line <= (at?.line ?? 0)).at(-1);
  if (!stage) return 'before the first FROM';
  // Stages are counted from 0, as COPY --from=<n> counts them.
  if (stage.index === dockerfile.stages.length - 1) return stage.alias ? `final stage ${stage.alias}` : 'final stage';
  return `stage ${stage.alias ?? stage.index}`;
}

/** Runs every applicable rule over one artifact. Findings come out in file order. */
export function runChecks(artifact: Artifact, checks: readonly RunnableCheck[]): Finding[] {
  const findings: Finding[] = [];
  const record = (automated: RunnableCheck, hits: RuleHit[], object: string, document?: YamlDocument) => {
    for (const hit of hits) {
      const at = position(hit, document);
      findings.push({
        checkId: automated.id,
        checkTitle: automated.title,
        severity: automated.severity,
        riskIds: automated.riskIds,
        file: artifact.file,
        line: at?.line,
        column: at?.column,
        object,
        message: hit.message,
        scannerRules: automated.scannerRules,
        scannerRelations: automated.scannerRelations,
        url: automated.url,
      });
    }
  };
  if (artifact.kind === 'kubernetes') {
    // Objects outside, checks inside: a large JSON List yields each object once, parsed on
    // demand, and it is released before the next (json-list.ts).
    for (const object of artifact.objects) {
      const name = describeObject(object);
      for (const automated of checks) if (automated.rule.kubernetes) record(automated, automated.rule.kubernetes(object), name, object.document);
    }
  }
  for (const automated of checks) {
    const { rule } = automated;
    switch (artifact.kind) {
      case 'dockerfile':
        if (rule.dockerfile) for (const hit of rule.dockerfile(artifact.dockerfile)) record(automated, [hit], stageOf(artifact.dockerfile, position(hit, undefined)));
        break;
      case 'compose':
      case 'inspect':
        if (rule.docker) for (const container of artifact.containers) record(automated, rule.docker(container), `${artifact.kind === 'compose' ? 'service' : 'container'} ${container.name}`, container.document);
        break;
      case 'docker-daemon':
        if (rule.daemon) record(automated, rule.daemon(artifact.daemon), 'daemon.json', artifact.daemon.document);
        break;
    }
  }
  return findings.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.checkId.localeCompare(b.checkId));
}
