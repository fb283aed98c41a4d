/**
 * The report model of `bulkhead report`: the knowledge base's risks as they stand in one system,
 * from bulkhead's findings and scanners' findings. Pure: the inputs are data, the output is data
 * that the JSON, HTML and SARIF writers render.
 *
 * A finding counts towards a risk through the graph: scanner rule → checks (content/mappings) →
 * mitigations that the checks verify → risks those mitigations answer; a rule mapped as
 * `related` names its risks or mitigations directly. Findings about the same object and the same
 * risk are one row, with every source that agrees.
 */
import { resolveScannerId } from '../catalogs/scanners.ts';
import type { ArtifactKind, ScannerKey, Severity } from '../model/vocabulary.ts';
import { SCANNER_LABELS, SEVERITIES } from '../model/vocabulary.ts';
import type { CheckMetadata } from '../rules/engine.ts';
import type { Finding } from '../rules/finding.ts';
import type { Relation } from '../schemas/mapping.ts';
import { bulkheadObject, normaliseFile } from './identity.ts';
import type { RiskInfo, RuleAnswerInfo, ThreatModelData } from './knowledge.ts';
import type { ScannerFinding, ScannerReportRead } from './scanner-findings.ts';

export type RiskStatus = 'present' | 'not-found' | 'not-assessed';
export type Tool = 'bulkhead' | ScannerKey;

/** One tool's finding behind a report row. */
export interface Source {
  tool: Tool;
  ruleId: string;
  /** How the rule compares with Bulkhead's check; bulkhead's own checks are `same`. */
  relation: Relation;
  message: string;
  line?: number;
  /** The scanner report it came from; absent for bulkhead's own checks. */
  report?: string;
}

/** Findings about one object and one risk, merged. */
export interface ReportFinding {
  /** Stable across runs: risk, file and object. */
  id: string;
  riskId: string;
  stage: string;
  severity: Severity;
  file?: string;
  line?: number;
  object: string;
  sources: Source[];
  /** Mitigations that would remove this finding (the ones its checks verify). */
  mitigations: string[];
}

export interface RiskRow {
  id: string;
  title: string;
  severity: Severity;
  stage: string;
  path: string;
  status: RiskStatus;
  reason: string;
  findings: number;
  /** What ran that can detect the risk: check IDs and "Trivy AVD-KSV-0017". */
  detectors: string[];
}

export interface MitigationRow {
  id: string;
  title: string;
  path: string;
  /** Severity-weighted count of the present risks and findings it addresses. */
  score: number;
  risks: string[];
  findings: number;
}

export interface StageRow {
  key: string;
  title: string;
  path: string;
  present: number;
  notFound: number;
  notAssessed: number;
}

export type OtherReason = 'out-of-scope' | 'unmapped' | 'uncatalogued' | 'manual';

/** A scanner finding that maps to no risk: listed, never dropped. */
export interface OtherFinding {
  tool: ScannerKey;
  ruleId: string;
  reason: OtherReason;
  explanation: string;
  message: string;
  file?: string;
  line?: number;
  object?: string;
  report: string;
}

export interface ReportModel {
  stages: StageRow[];
  risks: RiskRow[];
  mitigations: MitigationRow[];
  findings: ReportFinding[];
  otherFindings: OtherFinding[];
}

export interface ArtifactRead {
  file: string;
  kind: ArtifactKind;
}

export interface ScannerReportInput {
  file: string;
  read: ScannerReportRead;
}

export interface ReportInput {
  data: ThreatModelData;
  checks: readonly Pick<CheckMetadata, 'id' | 'kinds' | 'riskIds'>[];
  artifacts: readonly ArtifactRead[];
  /** Bulkhead's findings, each with the kind of the artifact it is in. */
  bulkheadFindings: readonly { finding: Finding; kind: ArtifactKind }[];
  scannerReports: readonly ScannerReportInput[];
}

/** Weights of severities in the mitigation ranking: each step doubles. */
export const SEVERITY_WEIGHT: Record<Severity, number> = { critical: 8, high: 4, medium: 2, low: 1 };

const bySeverity = (a: Severity, b: Severity): number => SEVERITIES.indexOf(a) - SEVERITIES.indexOf(b);
/** IDs in numeric order (BH-R-2 before BH-R-10). */
const ID_ORDER = new Intl.Collator('en', { numeric: true });

/** The graph's links indexed once for the lookups a report makes. */
class Index {
  readonly risks = new Map<string, RiskInfo>();
  readonly mitigationsOfCheck = new Map<string, string[]>();
  readonly risksOfMitigation = new Map<string, string[]>();
  readonly data: ThreatModelData;

  constructor(data: ThreatModelData) {
    this.data = data;
    for (const risk of data.risks) {
      this.risks.set(risk.id, risk);
      for (const mitigation of risk.mitigations) pushTo(this.risksOfMitigation, mitigation, risk.id);
    }
    for (const mitigation of data.mitigations) for (const check of mitigation.checks) pushTo(this.mitigationsOfCheck, check, mitigation.id);
  }

  answer(scanner: ScannerKey, canonical: string): RuleAnswerInfo | undefined {
    const table = this.data.rules[scanner];
    return table && Object.hasOwn(table, canonical) ? table[canonical] : undefined;
  }

  /** Risk → the mitigations through which a check reaches it. */
  risksOfCheck(checkId: string): Map<string, Set<string>> {
    const reached = new Map<string, Set<string>>();
    for (const mitigation of this.mitigationsOfCheck.get(checkId) ?? []) {
      for (const risk of this.risksOfMitigation.get(mitigation) ?? []) addTo(reached, risk, mitigation);
    }
    return reached;
  }

  /** Risk → mitigations (and the relation) for a scanner rule's answer. */
  risksOfAnswer(answer: RuleAnswerInfo): Map<string, { mitigations: Set<string>; relation: Relation }> {
    const reached = new Map<string, { mitigations: Set<string>; relation: Relation }>();
    const add = (risk: string, mitigations: Iterable<string>, relation: Relation) => {
      const entry = reached.get(risk) ?? { mitigations: new Set<string>(), relation };
      for (const mitigation of mitigations) entry.mitigations.add(mitigation);
      if (RELATION_RANK[relation] < RELATION_RANK[entry.relation]) entry.relation = relation;
      reached.set(risk, entry);
    };
    for (const mapping of answer.checks) for (const [risk, mitigations] of this.risksOfCheck(mapping.id)) add(risk, mitigations, mapping.relation);
    for (const id of answer.related) {
      const risk = this.risks.get(id);
      if (risk) add(id, risk.mitigations, 'related');
      // A related mitigation: the rule reports what the mitigation would prevent.
      else for (const riskId of this.risksOfMitigation.get(id) ?? []) add(riskId, [id], 'related');
    }
    return reached;
  }
}

const RELATION_RANK: Record<Relation, number> = { same: 0, narrower: 1, broader: 2, related: 3 };

function pushTo<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}
function addTo<K, V>(map: Map<K, Set<V>>, key: K, value: V): void {
  const set = map.get(key);
  if (set) set.add(value);
  else map.set(key, new Set([value]));
}

/** A row being built: sources are deduplicated by tool and rule. */
interface Group {
  riskId: string;
  file: string | undefined;
  objectKey: string;
  object: string;
  sources: Map<string, Source>;
  mitigations: Set<string>;
}

function label(tool: Tool, ruleId: string): string {
  return tool === 'bulkhead' ? ruleId : `${SCANNER_LABELS[tool]} ${ruleId}`;
}

/** A list for a sentence: the first `shown` items, then "and N more". */
function listed(items: readonly string[], shown = 6): string {
  const head = items.slice(0, shown).join(', ');
  return items.length > shown ? `${head} and ${items.length - shown} more` : head;
}

export function buildReport(input: ReportInput): ReportModel {
  const index = new Index(input.data);
  const groups = new Map<string, Group>();
  const otherFindings: OtherFinding[] = [];
  const addSource = (riskId: string, file: string | undefined, object: { key: string; display: string }, source: Source, mitigations: Iterable<string>) => {
    const key = `${file ?? ''}\u0000${object.key}\u0000${riskId}`;
    let group = groups.get(key);
    if (!group) groups.set(key, (group = { riskId, file, objectKey: object.key, object: object.display, sources: new Map(), mitigations: new Set() }));
    const sourceKey = `${source.tool}\u0000${source.ruleId}`;
    const earlier = group.sources.get(sourceKey);
    // One source per rule: the first line it reported is kept (several containers of one workload).
    if (!earlier || (source.line !== undefined && (earlier.line === undefined || source.line < earlier.line))) group.sources.set(sourceKey, source);
    for (const mitigation of mitigations) group.mitigations.add(mitigation);
  };

  // Bulkhead's own findings: the check's risks, through the mitigations it verifies.
  for (const { finding, kind } of input.bulkheadFindings) {
    const reached = index.risksOfCheck(finding.checkId);
    const object = bulkheadObject(finding.object, kind);
    for (const riskId of finding.riskIds) {
      if (!index.risks.has(riskId)) continue;
      const source: Source = { tool: 'bulkhead', ruleId: finding.checkId, relation: 'same', message: finding.message, ...(finding.line !== undefined ? { line: finding.line } : {}) };
      addSource(riskId, normaliseFile(finding.file), object, source, reached.get(riskId) ?? []);
    }
  }

  // Scanner findings and the rules that ran.
  const scannerDetectors = new Map<string, Set<string>>();
  for (const report of input.scannerReports) {
    for (const ran of report.read.ran) {
      const rule = resolveScannerId(ran.scanner, ran.ruleId);
      const answer = rule ? index.answer(ran.scanner, rule.id) : undefined;
      // A rule that only prints a note for a person cannot find the risk, so it does not assess it.
      if (!rule || !answer || answer.outOfScope !== undefined || answer.manual) continue;
      for (const riskId of index.risksOfAnswer(answer).keys()) addTo(scannerDetectors, riskId, label(ran.scanner, rule.id));
    }
    for (const finding of report.read.findings) mapScannerFinding(index, report.file, finding, addSource, otherFindings);
  }

  const findings = mergeFileLevel([...groups.values()]).map((group) => toFinding(index, group));
  // Keys computed once and compared with one collator: localeCompare with options per comparison
  // was most of the time of a report with 100,000 findings.
  const stageAt = new Map(input.data.stages.map((stage, at) => [stage.key, at]));
  const riskAt = new Map([...input.data.risks].sort((a, b) => ID_ORDER.compare(a.id, b.id)).map((risk, at) => [risk.id, at]));
  const plain = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);
  findings.sort((a, b) => (stageAt.get(a.stage) ?? 99) - (stageAt.get(b.stage) ?? 99) || bySeverity(a.severity, b.severity) || (riskAt.get(a.riskId) ?? 0) - (riskAt.get(b.riskId) ?? 0) || plain(a.file ?? '', b.file ?? '') || (a.line ?? 0) - (b.line ?? 0) || plain(a.object, b.object));

  const risks = riskRows(input, index, findings, scannerDetectors);
  return { stages: stageRows(input.data, risks), risks, mitigations: rankMitigations(input.data, risks, findings), findings, otherFindings };
}

type AddSource = (riskId: string, file: string | undefined, object: { key: string; display: string }, source: Source, mitigations: Iterable<string>) => void;

function mapScannerFinding(index: Index, report: string, finding: ScannerFinding, addSource: AddSource, others: OtherFinding[]): void {
  const rule = resolveScannerId(finding.scanner, finding.ruleId);
  const answer = rule ? index.answer(finding.scanner, rule.id) : undefined;
  const other = (reason: OtherReason, explanation: string) =>
    others.push({ tool: finding.scanner, ruleId: rule?.id ?? finding.ruleId, reason, explanation, message: finding.message, report, ...(finding.file ? { file: finding.file } : {}), ...(finding.line !== undefined ? { line: finding.line } : {}), ...(finding.object ? { object: finding.object.display } : {}) });
  if (!rule) return void other('uncatalogued', `${SCANNER_LABELS[finding.scanner]} ${finding.ruleId} is not in Bulkhead's catalog of ${SCANNER_LABELS[finding.scanner]} rules.`);
  if (answer?.outOfScope !== undefined) return void other('out-of-scope', answer.outOfScope);
  if (finding.manual) return void other('manual', `${SCANNER_LABELS[finding.scanner]} could not decide this test and asks a person to verify it; it is not counted as found.`);
  const reached = answer ? index.risksOfAnswer(answer) : new Map<string, { mitigations: Set<string>; relation: Relation }>();
  if (reached.size === 0) return void other('unmapped', `Bulkhead's mappings do not yet link ${SCANNER_LABELS[finding.scanner]} ${rule.id} to a risk.`);
  const object = finding.object ?? { key: '', display: finding.file ?? '' };
  for (const [riskId, { mitigations, relation }] of reached) {
    const source: Source = { tool: finding.scanner, ruleId: rule.id, relation, message: finding.message, report, ...(finding.line !== undefined ? { line: finding.line } : {}) };
    addSource(riskId, finding.file, object, source, mitigations);
  }
}

/**
 * A tool that names only the file (Kubescape's and Checkov's SARIF, Trivy on a Dockerfile) meets
 * the object row of the same file and risk when there is exactly one: it can only be that object.
 */
function mergeFileLevel(groups: Group[]): Group[] {
  const byFileRisk = new Map<string, Group[]>();
  for (const group of groups) if (group.objectKey !== '') pushTo(byFileRisk, `${group.file ?? ''}\u0000${group.riskId}`, group);
  return groups.filter((group) => {
    if (group.objectKey !== '' || group.file === undefined) return true;
    const candidates = byFileRisk.get(`${group.file}\u0000${group.riskId}`);
    const target = candidates?.length === 1 ? candidates[0] : undefined;
    if (!target) return true;
    for (const [key, source] of group.sources) if (!target.sources.has(key)) target.sources.set(key, source);
    for (const mitigation of group.mitigations) target.mitigations.add(mitigation);
    return false;
  });
}

function toFinding(index: Index, group: Group): ReportFinding {
  const risk = index.risks.get(group.riskId) as RiskInfo;
  const sources = [...group.sources.values()].sort((a, b) => (a.tool === 'bulkhead' ? -1 : 0) - (b.tool === 'bulkhead' ? -1 : 0) || a.tool.localeCompare(b.tool) || a.ruleId.localeCompare(b.ruleId));
  // Bulkhead points at the offending line; scanners often at the object's first line.
  const line = sources.find((source) => source.tool === 'bulkhead' && source.line !== undefined)?.line ?? sources.find((source) => source.line !== undefined)?.line;
  return {
    id: `${group.riskId}:${group.file ?? ''}:${group.objectKey || group.object}`,
    riskId: group.riskId,
    stage: risk.stage,
    severity: risk.severity,
    ...(group.file !== undefined ? { file: group.file } : {}),
    ...(line !== undefined ? { line } : {}),
    object: group.object,
    sources,
    mitigations: [...group.mitigations].sort(),
  };
}

function stageOrder(data: ThreatModelData, stage: string): number {
  const at = data.stages.findIndex((candidate) => candidate.key === stage);
  return at === -1 ? data.stages.length : at;
}

function riskRows(input: ReportInput, index: Index, findings: readonly ReportFinding[], scannerDetectors: Map<string, Set<string>>): RiskRow[] {
  const kindsRead = new Set(input.artifacts.map((artifact) => artifact.kind));
  const findingCount = new Map<string, number>();
  for (const finding of findings) findingCount.set(finding.riskId, (findingCount.get(finding.riskId) ?? 0) + 1);
  const checksOfRisk = new Map<string, Pick<CheckMetadata, 'id' | 'kinds'>[]>();
  for (const check of input.checks) for (const riskId of check.riskIds) pushTo(checksOfRisk, riskId, check);
  const hasScannerRule = new Set<string>();
  for (const scannerRules of Object.values(input.data.rules)) {
    for (const answer of Object.values(scannerRules)) if (answer.outOfScope === undefined && !answer.manual) for (const riskId of index.risksOfAnswer(answer).keys()) hasScannerRule.add(riskId);
  }

  return [...input.data.risks]
    .sort((a, b) => stageOrder(input.data, a.stage) - stageOrder(input.data, b.stage) || bySeverity(a.severity, b.severity) || a.id.localeCompare(b.id, 'en', { numeric: true }))
    .map((risk): RiskRow => {
      const checks = checksOfRisk.get(risk.id) ?? [];
      const ranChecks = checks.filter((check) => check.kinds.some((kind) => kindsRead.has(kind))).map((check) => check.id);
      const detectors = [...ranChecks, ...(scannerDetectors.get(risk.id) ?? [])];
      const count = findingCount.get(risk.id) ?? 0;
      const base = { id: risk.id, title: risk.title, severity: risk.severity, stage: risk.stage, path: risk.path, findings: count, detectors };
      if (count > 0) return { ...base, status: 'present', reason: `${count} ${count === 1 ? 'finding' : 'findings'}.` };
      if (detectors.length > 0) return { ...base, status: 'not-found', reason: `Ran and found nothing: ${listed(detectors)}.` };
      return { ...base, status: 'not-assessed', reason: notAssessedReason(checks, hasScannerRule.has(risk.id)) };
    });
}

function notAssessedReason(checks: readonly Pick<CheckMetadata, 'id' | 'kinds'>[], scannable: boolean): string {
  if (checks.length === 0 && !scannable) return 'No automated check and no catalogued scanner rule detects this risk: it needs a review by a person.';
  const kinds = [...new Set(checks.flatMap((check) => check.kinds))];
  const parts: string[] = [];
  if (kinds.length > 0) parts.push(`Bulkhead's checks for it (${listed(checks.map((check) => check.id), 4)}) read ${kinds.join(', ')}, and none was given`);
  else parts.push('Bulkhead has no automated check for it');
  parts.push(scannable ? 'no scanner report given lists a rule that detects it' : 'no catalogued scanner rule detects it');
  return `${parts.join('; ')}.`;
}

function stageRows(data: ThreatModelData, risks: readonly RiskRow[]): StageRow[] {
  return data.stages.map((stage) => {
    const of = risks.filter((risk) => risk.stage === stage.key);
    const count = (status: RiskStatus) => of.filter((risk) => risk.status === status).length;
    return { key: stage.key, title: stage.title, path: stage.path, present: count('present'), notFound: count('not-found'), notAssessed: count('not-assessed') };
  });
}

/**
 * "Do these first": each mitigation scores the weights of the present risks it answers plus those
 * of the findings it would remove; ties go to more risks, then the ID, so the order is stable.
 */
export function rankMitigations(data: ThreatModelData, risks: readonly RiskRow[], findings: readonly ReportFinding[]): MitigationRow[] {
  const present = risks.filter((risk) => risk.status === 'present');
  const mitigationsOfRisk = new Map(data.risks.map((risk) => [risk.id, risk.mitigations]));
  // One pass over the findings: a report can have 100,000 of them.
  const removed = new Map<string, { count: number; weight: number }>();
  for (const finding of findings) {
    for (const id of finding.mitigations) {
      const tally = removed.get(id) ?? { count: 0, weight: 0 };
      tally.count++;
      tally.weight += SEVERITY_WEIGHT[finding.severity];
      removed.set(id, tally);
    }
  }
  const rows: MitigationRow[] = [];
  for (const mitigation of data.mitigations) {
    const addressed = present.filter((risk) => mitigationsOfRisk.get(risk.id)?.includes(mitigation.id));
    const tally = removed.get(mitigation.id) ?? { count: 0, weight: 0 };
    const score = addressed.reduce((sum, risk) => sum + SEVERITY_WEIGHT[risk.severity], 0) + tally.weight;
    if (score > 0) rows.push({ id: mitigation.id, title: mitigation.title, path: mitigation.path, score, risks: addressed.map((risk) => risk.id), findings: tally.count });
  }
  return rows.sort((a, b) => b.score - a.score || b.risks.length - a.risks.length || ID_ORDER.compare(a.id, b.id));
}
