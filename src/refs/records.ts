import { FRAMEWORK_CATALOGS } from '../catalogs/frameworks.ts';
import { SCANNER_CATALOGS } from '../catalogs/scanners.ts';
import type { FrameworkEntry, ScannerRule } from '../catalogs/types.ts';
import type { CheckEntry, IdEntry, IncidentEntry, MitigationEntry, RiskEntry } from '../graph/entries.ts';
import type { ContentGraph } from '../graph/graph.ts';
import { refPath, refSegment, type RefNamespace } from '../model/urls.ts';
import type { FrameworkKey, ScannerKey, StageKey } from '../model/vocabulary.ts';
import { FRAMEWORK_LABELS, SCANNERS, SCANNER_LABELS } from '../model/vocabulary.ts';
import { closestRelation, type RuleAnswer } from '../mappings/answers.ts';
import type { Relation } from '../schemas/mapping.ts';

/** What a /ref/ page says about one external identifier. */
export interface RefRecord {
  namespace: RefNamespace;
  /** The identifier as its owner writes it canonically. */
  id: string;
  /** Who owns the identifier: "Trivy", "MITRE ATT&CK (Containers)", "CVE". */
  authority: string;
  title: string;
  severity?: string;
  description?: string;
  remediation?: string;
  /** The owner's own page for the identifier. */
  externalUrl: string | null;
  deprecated: boolean;
  /** Every path segment that must resolve to this record; the first is canonical. */
  segments: string[];
  /** Entries that explain it, best first. */
  risks: RiskEntry[];
  mitigations: MitigationEntry[];
  checks: CheckEntry[];
  incidents: IncidentEntry[];
  /** A NIST stage group: the stage whose risks it lists. */
  groupStage?: StageKey;
  /** Scanner rules only: what content/mappings says, each check with its relation. */
  scanner?: ScannerAnswer;
}

export type RuleStatus = 'mapped' | 'out-of-scope' | 'unanswered';

export interface ScannerAnswer {
  status: RuleStatus;
  /** The closest relation of the rule's mappings. */
  relation?: Relation;
  manual: boolean;
  /** Why the rule is out of scope. */
  reason?: string;
  checkLinks: { check: CheckEntry; relation: Relation; difference?: string }[];
  /** The mapping file that answers the rule, for the edit link. */
  file?: string;
}

export const FRAMEWORK_NAMESPACES: Record<FrameworkKey, RefNamespace> = { nist: 'nist-800-190', attack: 'attack', msK8s: 'ms-k8s', owaspK8s: 'owasp-k8s' };

function uniqueSegments(ids: readonly string[]): string[] {
  return [...new Set(ids.map(refSegment))];
}

const uniqueEntries = <T,>(items: readonly T[]): T[] => [...new Set(items)];

function scannerAnswer(graph: ContentGraph, answer: RuleAnswer | undefined): ScannerAnswer {
  if (!answer) return { status: 'unanswered', manual: false, checkLinks: [] };
  const checkLinks = answer.checks.flatMap((mapping) => {
    const check = graph.entryById(mapping.id);
    return check?.kind === 'checks' ? [{ check, relation: mapping.relation, ...(mapping.difference ? { difference: mapping.difference } : {}) }] : [];
  });
  const relation = closestRelation(answer);
  return {
    status: answer.outOfScope !== undefined ? 'out-of-scope' : relation ? 'mapped' : 'unanswered',
    ...(relation ? { relation } : {}),
    manual: answer.manual,
    ...(answer.outOfScope !== undefined ? { reason: answer.outOfScope } : {}),
    checkLinks,
    file: answer.file,
  };
}

function scannerRecord(graph: ContentGraph, rule: ScannerRule): RefRecord {
  const answer = graph.answerOf(rule.scanner, rule.id);
  const checks = graph.checksReportedBy(rule.scanner, rule.id);
  const related = (answer?.related ?? []).map((id) => graph.entryById(id)).filter((entry): entry is RiskEntry | MitigationEntry => entry?.kind === 'risks' || entry?.kind === 'mitigations');
  const relatedRisks = related.filter((entry): entry is RiskEntry => entry.kind === 'risks');
  const relatedMitigations = related.filter((entry): entry is MitigationEntry => entry.kind === 'mitigations');
  const mitigations = uniqueEntries([...checks.flatMap((check) => graph.mitigationsVerifiedBy(check)), ...relatedMitigations, ...relatedRisks.flatMap((risk) => graph.mitigationsOfRisk(risk))]);
  const risks = uniqueEntries([...checks.flatMap((check) => graph.risksVerifiedBy(check)), ...relatedRisks, ...relatedMitigations.flatMap((mitigation) => graph.risksMitigatedBy(mitigation))]);
  return {
    namespace: rule.scanner,
    id: rule.id,
    authority: SCANNER_LABELS[rule.scanner],
    title: rule.title,
    severity: rule.severity,
    description: rule.description,
    remediation: rule.remediation,
    externalUrl: rule.url,
    deprecated: rule.deprecated,
    segments: uniqueSegments([rule.id, ...rule.spellings]),
    risks,
    mitigations,
    checks,
    incidents: [],
    scanner: scannerAnswer(graph, answer),
  };
}

function frameworkRecord(graph: ContentGraph, framework: FrameworkKey, entry: FrameworkEntry): RefRecord {
  const risks = entry.kind === 'mitigation' || entry.kind === 'countermeasure' ? [] : graph.risksMappedTo(framework, entry.id);
  const mitigations =
    framework === 'nist' && entry.kind === 'countermeasure'
      ? graph.mitigationsImplementing(entry.id)
      : framework === 'attack' && entry.kind === 'mitigation'
        ? graph.mitigations.filter((mitigation) => mitigation.data.attackMitigations.includes(entry.id))
        : uniqueEntries(risks.flatMap((risk) => graph.mitigationsOfRisk(risk)));
  const groupStage = framework === 'nist' && entry.stage ? (entry.stage as StageKey) : undefined;
  return {
    namespace: FRAMEWORK_NAMESPACES[framework],
    id: entry.id,
    authority: FRAMEWORK_LABELS[framework],
    title: entry.name,
    externalUrl: entry.url,
    deprecated: Boolean(entry.deprecated),
    segments: uniqueSegments([entry.id]),
    risks: groupStage && entry.kind.endsWith('group') ? graph.risks.filter((risk) => risk.data.stage === groupStage) : risks,
    mitigations,
    checks: uniqueEntries(mitigations.flatMap((mitigation) => graph.checksOfMitigation(mitigation))),
    incidents: [],
    ...(groupStage ? { groupStage } : {}),
  };
}

function cveRecords(graph: ContentGraph): RefRecord[] {
  const byCve = new Map<string, IncidentEntry[]>();
  for (const incident of graph.incidents) for (const cve of incident.data.cves) byCve.set(cve, [...(byCve.get(cve) ?? []), incident]);
  return [...byCve.entries()].map(([cve, incidents]) => {
    const related: IdEntry[] = incidents.flatMap((incident) => graph.entriesIllustratedBy(incident));
    return {
      namespace: 'cve',
      id: cve,
      authority: 'CVE',
      title: incidents[0]?.data.title ?? cve,
      description: incidents[0]?.data.summary,
      externalUrl: `https://www.cve.org/CVERecord?id=${cve}`,
      deprecated: false,
      segments: uniqueSegments([cve]),
      risks: related.filter((entry): entry is RiskEntry => entry.kind === 'risks'),
      mitigations: related.filter((entry): entry is MitigationEntry => entry.kind === 'mitigations'),
      checks: related.filter((entry): entry is CheckEntry => entry.kind === 'checks'),
      incidents,
    };
  });
}

/** Every /ref/ record: all scanner catalog rules, all framework entries, and every CVE in content. */
export function buildRefRecords(graph: ContentGraph): RefRecord[] {
  return [
    ...SCANNERS.flatMap((scanner) => SCANNER_CATALOGS[scanner].rules.map((rule) => scannerRecord(graph, rule))),
    ...(Object.keys(FRAMEWORK_CATALOGS) as FrameworkKey[]).flatMap((framework) => FRAMEWORK_CATALOGS[framework].entries.map((entry) => frameworkRecord(graph, framework, entry))),
    ...cveRecords(graph),
  ];
}

export function canonicalRefPath(record: RefRecord): string {
  return refPath(record.namespace, record.id);
}

/** A scanner rule is mapped when content/mappings says so; a framework ID or CVE when entries link it. */
export function isMapped(record: RefRecord): boolean {
  if (record.scanner) return record.scanner.status === 'mapped';
  return record.risks.length + record.mitigations.length + record.checks.length + record.incidents.length > 0;
}

/** One spelling's record in /ref/<scanner>.json: the old fields, and the answer with its relation. */
export interface ScannerLinkRecord {
  canonical: string;
  url: string;
  title: string;
  mapped: boolean;
  status: RuleStatus;
  relation?: Relation;
  manual: boolean;
  reason?: string;
  relations: { check: string; relation: Relation; difference?: string }[];
  risks: string[];
  checks: string[];
  mitigations: string[];
  entries: string[];
}

/**
 * The machine-readable map of one scanner: every spelling to its page and mapped entries. `link`
 * turns a site path into the form the map is published in: the site's /ref/<scanner>.json puts
 * its base in front, so the map's paths resolve on a copy served under one.
 */
export function scannerLinkMap(records: readonly RefRecord[], scanner: ScannerKey, urlOf: (entry: IdEntry) => string, link: (path: string) => string = (path) => path) {
  const catalog = SCANNER_CATALOGS[scanner];
  const rules: Record<string, ScannerLinkRecord> = {};
  for (const record of records.filter((item) => item.namespace === scanner)) {
    const rule = catalog.rules.find((candidate) => candidate.id === record.id);
    for (const spelling of [record.id, ...(rule?.spellings ?? [])]) {
      rules[spelling] = {
        canonical: record.id,
        url: link(canonicalRefPath(record)),
        title: record.title,
        mapped: isMapped(record),
        status: record.scanner?.status ?? 'unanswered',
        ...(record.scanner?.relation ? { relation: record.scanner.relation } : {}),
        manual: record.scanner?.manual ?? false,
        ...(record.scanner?.reason ? { reason: record.scanner.reason } : {}),
        relations: (record.scanner?.checkLinks ?? []).map((link) => ({ check: link.check.data.id, relation: link.relation, ...(link.difference ? { difference: link.difference } : {}) })),
        risks: record.risks.map((risk) => risk.data.id),
        checks: record.checks.map((check) => check.data.id),
        mitigations: record.mitigations.map((mitigation) => mitigation.data.id),
        entries: [...record.risks, ...record.checks].map((entry) => link(urlOf(entry))),
      };
    }
  }
  return { scanner, name: catalog.name, source: catalog.source, urlPattern: '/ref/<scanner>/<rule-id lower-case>/', rules };
}
