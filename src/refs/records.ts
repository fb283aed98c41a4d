import { FRAMEWORK_CATALOGS } from '../catalogs/frameworks.ts';
import { SCANNER_CATALOGS } from '../catalogs/scanners.ts';
import type { FrameworkEntry, ScannerRule } from '../catalogs/types.ts';
import type { CheckEntry, IdEntry, IncidentEntry, MitigationEntry, RiskEntry } from '../graph/entries.ts';
import type { ContentGraph } from '../graph/graph.ts';
import { refPath, refSegment, type RefNamespace } from '../model/urls.ts';
import type { FrameworkKey, ScannerKey, StageKey } from '../model/vocabulary.ts';
import { FRAMEWORK_LABELS, SCANNERS, SCANNER_LABELS } from '../model/vocabulary.ts';
import { nearestRisk, stageOfRule } from './nearest.ts';

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
  /** For an unmapped identifier: where a reader should look meanwhile. */
  nearestStage?: StageKey;
  nearestRisk?: RiskEntry;
}

export const FRAMEWORK_NAMESPACES: Record<FrameworkKey, RefNamespace> = { nist: 'nist-800-190', attack: 'attack', msK8s: 'ms-k8s', owaspK8s: 'owasp-k8s' };

function uniqueSegments(ids: readonly string[]): string[] {
  return [...new Set(ids.map(refSegment))];
}

const uniqueEntries = <T,>(items: readonly T[]): T[] => [...new Set(items)];

function scannerRecord(graph: ContentGraph, rule: ScannerRule): RefRecord {
  const checks = graph.checksReportedBy(rule.scanner, rule.id);
  const mitigations = uniqueEntries(checks.flatMap((check) => graph.mitigationsVerifiedBy(check)));
  const risks = uniqueEntries(checks.flatMap((check) => graph.risksVerifiedBy(check)));
  const mapped = checks.length > 0;
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
    nearestStage: mapped ? undefined : stageOfRule(rule),
    nearestRisk: mapped ? undefined : nearestRisk(graph, rule),
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
    nearestStage: groupStage,
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

export function isMapped(record: RefRecord): boolean {
  return record.risks.length + record.mitigations.length + record.checks.length + record.incidents.length > 0;
}

/** The machine-readable map of one scanner: every spelling to its page and mapped entries. */
export function scannerLinkMap(records: readonly RefRecord[], scanner: ScannerKey, urlOf: (entry: IdEntry) => string) {
  const catalog = SCANNER_CATALOGS[scanner];
  const rules: Record<string, { canonical: string; url: string; title: string; mapped: boolean; risks: string[]; checks: string[]; mitigations: string[]; entries: string[] }> = {};
  for (const record of records.filter((item) => item.namespace === scanner)) {
    const rule = catalog.rules.find((candidate) => candidate.id === record.id);
    for (const spelling of [record.id, ...(rule?.spellings ?? [])]) {
      rules[spelling] = {
        canonical: record.id,
        url: canonicalRefPath(record),
        title: record.title,
        mapped: isMapped(record),
        risks: record.risks.map((risk) => risk.data.id),
        checks: record.checks.map((check) => check.data.id),
        mitigations: record.mitigations.map((mitigation) => mitigation.data.id),
        entries: [...record.risks, ...record.checks].map(urlOf),
      };
    }
  }
  return { scanner, name: catalog.name, source: catalog.source, urlPattern: '/ref/<scanner>/<rule-id lower-case>/', rules };
}
