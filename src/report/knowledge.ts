/**
 * What `bulkhead report` needs of the knowledge base, as plain data: stages, risks, mitigations
 * and every scanner rule's answer from content/mappings. Plain data because the npm package has
 * no content parser: scripts/package.ts writes this as threat-model.json, the repository builds
 * it from the graph at run time, and the report code sees only this shape.
 */
import type { ContentGraph } from '../graph/graph.ts';
import { absoluteUrl, entryUrl } from '../model/urls.ts';
import type { ScannerKey, Severity } from '../model/vocabulary.ts';
import type { Relation } from '../schemas/mapping.ts';

export interface StageInfo {
  key: string;
  title: string;
  /** Path on the site; made absolute when the report is written, so BULKHEAD_SITE_URL moves it. */
  path: string;
}

export interface RiskInfo {
  id: string;
  title: string;
  severity: Severity;
  stage: string;
  path: string;
  mitigations: string[];
}

export interface MitigationInfo {
  id: string;
  title: string;
  path: string;
  checks: string[];
}

/** What content/mappings says about one catalogued scanner rule. */
export interface RuleAnswerInfo {
  checks: { id: string; relation: Relation }[];
  /** Risk or mitigation IDs. */
  related: string[];
  outOfScope?: string;
  manual?: true;
}

export interface ThreatModelData {
  stages: StageInfo[];
  risks: RiskInfo[];
  mitigations: MitigationInfo[];
  /** Answers by scanner and canonical rule ID. */
  rules: Partial<Record<ScannerKey, Record<string, RuleAnswerInfo>>>;
}

export function threatModelData(graph: ContentGraph): ThreatModelData {
  const rules: Partial<Record<ScannerKey, Record<string, RuleAnswerInfo>>> = {};
  for (const answer of graph.answers) {
    const table = (rules[answer.rule.scanner] ??= {});
    table[answer.rule.id] = {
      checks: answer.checks.map((mapping) => ({ id: mapping.id, relation: mapping.relation })),
      related: answer.related,
      ...(answer.outOfScope !== undefined ? { outOfScope: answer.outOfScope } : {}),
      ...(answer.manual ? { manual: true as const } : {}),
    };
  }
  return {
    stages: graph.stages.map((stage) => ({ key: stage.data.key, title: stage.data.title, path: entryUrl(stage) })),
    risks: graph.risks.map((risk) => ({ id: risk.data.id, title: risk.data.title, severity: risk.data.severity, stage: risk.data.stage, path: entryUrl(risk), mitigations: graph.mitigationsOfRisk(risk).map((m) => m.data.id) })),
    mitigations: graph.mitigations.map((mitigation) => ({ id: mitigation.data.id, title: mitigation.data.title, path: entryUrl(mitigation), checks: graph.checksOfMitigation(mitigation).map((c) => c.data.id) })),
    rules,
  };
}

/** A page path as a reader follows it. */
export const urlOf = (path: string): string => absoluteUrl(path);

function isRecord(value: unknown): value is Record<string, unknown> {
  return value !== null && typeof value === 'object' && !Array.isArray(value);
}

/** A shallow shape check of threat-model.json, so a damaged package file is one clear error. */
export function isThreatModelData(value: unknown): value is ThreatModelData {
  return isRecord(value) && Array.isArray(value.stages) && Array.isArray(value.risks) && Array.isArray(value.mitigations) && isRecord(value.rules);
}
