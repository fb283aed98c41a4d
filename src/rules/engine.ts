import { pathToFileURL } from 'node:url';
import { join } from 'node:path';
import type { Artifact } from '../artifacts/artifact.ts';
import type { Dockerfile } from '../artifacts/dockerfile.ts';
import { describeObject, type KubeObject } from '../artifacts/kubernetes.ts';
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
  if (rule.kubernetes || rule.kubernetesSet) kinds.push('kubernetes');
  if (rule.docker) kinds.push('compose', 'inspect');
  if (rule.daemon) kinds.push('docker-daemon');
  return kinds;
}

function isSetRule(value: unknown): boolean {
  if (value === null || typeof value !== 'object') return false;
  const { collect, check } = value as Record<string, unknown>;
  return typeof collect === 'function' && typeof check === 'function';
}

function isCheckRule(value: unknown): value is CheckRule {
  if (value === null || typeof value !== 'object') return false;
  const handlers = ['dockerfile', 'kubernetes', 'docker', 'daemon'];
  const keys = Object.keys(value);
  const handler = (key: string) => (key === 'kubernetesSet' ? isSetRule((value as Record<string, unknown>)[key]) : handlers.includes(key) && typeof (value as Record<string, unknown>)[key] === 'function');
  return keys.length > 0 && keys.every(handler);
}

export async function importRule(rootDir: string, ruleFile: string): Promise<CheckRule> {
  let module: unknown;
  try {
    module = await import(pathToFileURL(join(rootDir, ruleFile)).href);
  } catch (error) {
    throw new Error(`${ruleFile}: the rule does not load: ${error instanceof Error ? error.message : String(error)}`);
  }
  const rule = (module as { default?: unknown }).default;
  if (!isCheckRule(rule)) throw new Error(`${ruleFile}: the default export must be defineRule({ dockerfile?, kubernetes?, kubernetesSet?, docker?, daemon? }) with at least one handler`);
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

function findingOf(automated: RunnableCheck, file: string, object: string, message: string, at: Position | undefined): Finding {
  return {
    checkId: automated.id,
    checkTitle: automated.title,
    severity: automated.severity,
    riskIds: automated.riskIds,
    file,
    line: at?.line,
    column: at?.column,
    object,
    message,
    scannerRules: automated.scannerRules,
    scannerRelations: automated.scannerRelations,
    url: automated.url,
  };
}

/** What a whole-run rule kept of one object, with where its findings point (located while the document was at hand). */
interface KeptItem {
  keep: unknown;
  file: string;
  object: string;
  at: Position;
}

/**
 * One run of the checks over many files, for the rules that need all Kubernetes objects at once
 * (CheckRule.kubernetesSet): runChecks() hands each object to their `collect` as it goes, and
 * finish() runs their `check` once over what they kept. Only the kept items are held, never the
 * documents, so a cluster-sized List stays bounded by what the rules ask for.
 */
export class CheckRun {
  readonly #kept = new Map<RunnableCheck, KeptItem[]>();
  /** Files in the order they were checked, to order the run's findings as the files were read. */
  readonly #files = new Map<string, number>();

  /** Called by runChecks() for every Kubernetes object of an artifact. */
  collect(file: string, object: KubeObject, name: string, checks: readonly RunnableCheck[]): void {
    if (!this.#files.has(file)) this.#files.set(file, this.#files.size);
    for (const automated of checks) {
      const set = automated.rule.kubernetesSet;
      if (!set) continue;
      const kept = set.collect(object);
      if (!kept) continue;
      let list = this.#kept.get(automated);
      if (!list) this.#kept.set(automated, (list = []));
      list.push({ keep: kept.keep, file, object: name, at: object.document.locate(kept.at) });
    }
  }

  /** The whole-run rules' findings, in file order and then by position; the kept items are released. */
  finish(checks: readonly RunnableCheck[]): Finding[] {
    const findings: Finding[] = [];
    for (const automated of checks) {
      const set = automated.rule.kubernetesSet;
      const kept = this.#kept.get(automated) ?? [];
      if (!set) continue;
      const byKeep = new Map<unknown, KeptItem>();
      for (const item of kept) byKeep.set(item.keep, item);
      for (const hit of set.check(kept.map((item) => item.keep))) {
        const item = byKeep.get(hit.item);
        if (!item) throw new Error(`${automated.id}: a whole-run hit names an item that collect() did not keep`);
        findings.push(findingOf(automated, item.file, item.object, hit.message, item.at));
      }
    }
    this.#kept.clear();
    const order = (file: string) => this.#files.get(file) ?? 0;
    return findings.sort((a, b) => order(a.file) - order(b.file) || compareFindings(a, b));
  }
}

function compareFindings(a: Finding, b: Finding): number {
  return (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0) || a.checkId.localeCompare(b.checkId);
}

/**
 * Runs every applicable rule over one artifact. Findings come out in file order. With a `run`,
 * the whole-run rules only collect here and report at run.finish(); without one, the artifact is
 * a run of its own and their findings come out with the others.
 */
export function runChecks(artifact: Artifact, checks: readonly RunnableCheck[], run?: CheckRun): Finding[] {
  const findings: Finding[] = [];
  const record = (automated: RunnableCheck, hits: RuleHit[], object: string, document?: YamlDocument) => {
    for (const hit of hits) findings.push(findingOf(automated, artifact.file, object, hit.message, position(hit, document)));
  };
  if (artifact.kind === 'kubernetes') {
    const sets = checks.some((automated) => automated.rule.kubernetesSet);
    const own = sets && !run ? new CheckRun() : run;
    // Objects outside, checks inside: a large JSON List yields each object once, parsed on
    // demand, and it is released before the next (json-list.ts).
    for (const object of artifact.objects) {
      const name = describeObject(object);
      for (const automated of checks) if (automated.rule.kubernetes) record(automated, automated.rule.kubernetes(object), name, object.document);
      if (sets) own?.collect(artifact.file, object, name, checks);
    }
    if (own && own !== run) for (const finding of own.finish(checks)) findings.push(finding);
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
  return findings.sort(compareFindings);
}
