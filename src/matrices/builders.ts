import { FRAMEWORK_CATALOGS, resolveFrameworkId } from '../catalogs/frameworks.ts';
import type { CheckEntry, IdEntry, MitigationEntry, RiskEntry } from '../graph/entries.ts';
import type { ContentGraph } from '../graph/graph.ts';
import { entryUrl, refPath } from '../model/urls.ts';
import type { FrameworkKey, StageKey } from '../model/vocabulary.ts';
import { FRAMEWORK_LABELS, FRAMEWORKS, SCANNER_LABELS, SCANNERS } from '../model/vocabulary.ts';
import { FRAMEWORK_NAMESPACES } from '../refs/records.ts';
import { mergeEditions } from './framework-items.ts';
import { items, text, type AutomationFacet, type CellItem, type IncidentFacet, type Matrix, type RowFacets } from './model.ts';
import { scannersRunBy } from './scanner-use.ts';

function item(entry: IdEntry): CellItem {
  return entry.kind === 'risks' ? { id: entry.data.id, label: entry.data.title, href: entryUrl(entry), severity: entry.data.severity } : { id: entry.data.id, label: entry.data.title, href: entryUrl(entry) };
}

/** Automated checks first; the split every coverage view shows. */
export function splitByAutomation(checks: readonly CheckEntry[]): { automated: CheckEntry[]; manual: CheckEntry[] } {
  return { automated: checks.filter((check) => check.automation), manual: checks.filter((check) => !check.automation) };
}

/** The automation facet of something verified by these checks (see AutomationFacet). */
export function automationFacet(checks: readonly CheckEntry[]): AutomationFacet[] {
  if (checks.some((check) => check.automation)) return ['automated'];
  return ['no-automated', checks.length > 0 ? 'manual-only' : 'no-check'];
}

/** "yes" when a real-world incident illustrates the risk (the link is declared on the risk). */
function incidentFacet(graph: ContentGraph, risk: RiskEntry): IncidentFacet[] {
  return [graph.incidentsOf(risk).length > 0 ? 'yes' : 'no'];
}

function riskFacets(graph: ContentGraph, risk: RiskEntry): RowFacets {
  const checks = graph.checksOfRisk(risk);
  return {
    stage: [risk.data.stage as StageKey],
    severity: [risk.data.severity],
    environment: [...new Set([...graph.mitigationsOfRisk(risk).flatMap((mitigation) => mitigation.data.environments), ...checks.flatMap((check) => check.data.environments)])],
    scanner: graph.scannersDetecting(risk),
    automation: automationFacet(checks),
    incident: incidentFacet(graph, risk),
  };
}

function mergeFacets(list: RowFacets[]): RowFacets {
  const merged = <K extends keyof RowFacets>(key: K) => [...new Set(list.flatMap((facets) => facets[key]))] as RowFacets[K];
  return { stage: merged('stage'), severity: merged('severity'), environment: merged('environment'), scanner: merged('scanner'), automation: merged('automation'), incident: merged('incident') };
}

function checkFacets(graph: ContentGraph, check: CheckEntry): RowFacets {
  const risks = graph.risksVerifiedBy(check);
  return {
    stage: [...new Set(risks.map((risk) => risk.data.stage as StageKey))],
    severity: [graph.severityOfCheck(check)],
    environment: check.data.environments,
    scanner: [...new Set([...graph.rulesOfCheck(check).map((rule) => rule.scanner), ...scannersRunBy(check.data.command)])],
    automation: automationFacet([check]),
    incident: [...new Set(risks.flatMap((risk) => incidentFacet(graph, risk)))],
  };
}

function mitigationFacets(graph: ContentGraph, mitigation: MitigationEntry): RowFacets {
  const merged = mergeFacets(graph.risksMitigatedBy(mitigation).map((risk) => riskFacets(graph, risk)));
  const checks = graph.checksOfMitigation(mitigation);
  return { ...merged, environment: mitigation.data.environments, scanner: [...new Set(checks.flatMap((check) => checkFacets(graph, check).scanner))], automation: automationFacet(checks) };
}

const stageTitle = (graph: ContentGraph, risk: RiskEntry): string => graph.stageOfRisk(risk)?.data.title ?? risk.data.stage;

/** Stage × risk, ATT&CK style: one column per stage, risks worst first down each column. */
export function threatMatrix(graph: ContentGraph): Matrix {
  const columns = graph.stages.map((stage) => graph.risksOfStage(stage));
  const depth = Math.max(0, ...columns.map((risks) => risks.length));
  return {
    id: 'threats',
    title: 'Threat matrix',
    caption:
      'Risks by life-cycle stage (NIST SP 800-190), worst first in each column. The Incident filter keeps the risks that a real-world incident illustrates: a CVE or an attack that responders documented.',
    columns: ['#', ...graph.stages.map((stage) => stage.data.title)],
    unit: { singular: 'risk', plural: 'risks' },
    filters: ['stage', 'severity', 'environment', 'scanner', 'automation', 'incident'],
    cellLayout: { columnStages: graph.stages.map((stage) => stage.data.key as StageKey) },
    rows: Array.from({ length: depth }, (_, index) => {
      const risks = columns.map((risks) => risks[index]);
      const present = risks.filter((risk): risk is RiskEntry => risk !== undefined);
      return {
        header: text(String(index + 1)),
        cells: risks.map((risk) => (risk ? items([item(risk)]) : items([]))),
        facets: mergeFacets(present.map((risk) => riskFacets(graph, risk))),
        cellFacets: risks.map((risk) => (risk ? riskFacets(graph, risk) : undefined)),
      };
    }),
  };
}

const COVERAGE_WORDS: Record<'automated' | 'manual-only' | 'no-check', string> = { automated: 'automated', 'manual-only': 'manual only', 'no-check': 'no check' };

/**
 * Risk × mitigation coverage: how each risk is verified. Coverage is computed from the checks, so
 * it means one thing: "automated" when bulkhead check can decide at least one of them from files,
 * "manual only" when a person has to run every one, "no check" when nothing verifies it.
 */
export function coverageMatrix(graph: ContentGraph): Matrix {
  return {
    id: 'coverage',
    title: 'Risk × mitigation coverage',
    caption:
      'Which mitigations answer each risk and how they are verified. Coverage: "automated" when at least one check is automated (bulkhead check decides it from files), "manual only" when every check is a command a person runs, "no check" when nothing verifies the mitigations.',
    columns: ['Risk', 'Stage', 'Severity', 'Mitigations', 'Automated checks', 'Manual checks', 'Scanners', 'Coverage'],
    unit: { singular: 'risk', plural: 'risks' },
    filters: ['stage', 'severity', 'environment', 'scanner', 'automation'],
    redundantColumns: [1, 2],
    rows: graph.risks.map((risk) => {
      const mitigations = graph.mitigationsOfRisk(risk);
      const { automated, manual } = splitByAutomation(graph.checksOfRisk(risk));
      const scanners = graph.scannersDetecting(risk);
      const coverage = automated.length > 0 ? 'automated' : manual.length > 0 ? 'manual-only' : 'no-check';
      return {
        header: items([item(risk)]),
        cells: [
          text(stageTitle(graph, risk)),
          text(risk.data.severity),
          items(mitigations.map(item)),
          text(String(automated.length)),
          text(String(manual.length)),
          text(scanners.map((scanner) => SCANNER_LABELS[scanner]).join(', ') || 'none'),
          text(COVERAGE_WORDS[coverage], coverage === 'automated' ? 'ok' : 'weak'),
        ],
        facets: riskFacets(graph, risk),
      };
    }),
  };
}

/** Mitigation × check: the checks that verify each mitigation. */
export function mitigationCheckMatrix(graph: ContentGraph): Matrix {
  return {
    id: 'mitigation-checks',
    title: 'Mitigation × check',
    caption: 'The checks that verify each mitigation is in place, and how many of them are automated.',
    columns: ['Mitigation', 'Environments', 'Checks', 'Automated checks'],
    unit: { singular: 'mitigation', plural: 'mitigations' },
    filters: ['stage', 'severity', 'environment', 'scanner', 'automation'],
    rows: graph.mitigations.map((mitigation) => {
      const checks = graph.checksOfMitigation(mitigation);
      return {
        header: items([item(mitigation)]),
        cells: [text(mitigation.data.environments.join(', ')), items(checks.map(item)), text(String(splitByAutomation(checks).automated.length))],
        facets: mitigationFacets(graph, mitigation),
      };
    }),
  };
}

/** Check × scanner: which scanner rules report the same condition as each check, and how closely. */
export function scannerMatrix(graph: ContentGraph): Matrix {
  return {
    id: 'scanners',
    title: 'Check × scanner',
    caption:
      'For every check, the rules of each scanner about the same condition, with the rule\'s relation to the check (same, narrower: flags less, broader: flags more, related: a different condition on the same topic). "runs" means the check\'s command uses that scanner itself; "—" means the scanner has no rule for it.',
    columns: ['Check', ...SCANNERS.map((scanner) => SCANNER_LABELS[scanner])],
    unit: { singular: 'check', plural: 'checks' },
    filters: ['stage', 'severity', 'environment', 'scanner', 'automation'],
    rows: graph.checks.map((check) => {
      const links = graph.ruleLinksOfCheck(check);
      const runs = scannersRunBy(check.data.command);
      return {
        header: items([item(check)]),
        cells: SCANNERS.map((scanner) => {
          const rules = links.filter((link) => link.rule.scanner === scanner);
          if (rules.length === 0 && runs.includes(scanner)) return text(`runs ${SCANNER_LABELS[scanner]}`);
          return items(rules.map(({ rule, mapping, answer }) => ({ id: rule.id, label: rule.title, href: refPath(scanner, rule.id), note: answer.manual ? `${mapping.relation}, manual` : mapping.relation })));
        }),
        facets: checkFacets(graph, check),
      };
    }),
  };
}

/** Risks that no catalogued scanner rule detects: only Bulkhead's checks cover them. */
export function detectionGapMatrix(graph: ContentGraph): Matrix {
  return {
    id: 'detection-gaps',
    title: 'Detection gaps',
    caption: 'Risks that no rule of Trivy, Kubescape, kube-bench, docker-bench or Checkov detects; verify them with the listed checks.',
    columns: ['Risk', 'Stage', 'Severity', 'Checks to run instead'],
    unit: { singular: 'risk', plural: 'risks' },
    filters: ['stage', 'severity', 'environment', 'automation'],
    redundantColumns: [1, 2],
    rows: graph.risks
      .filter((risk) => graph.scannersDetecting(risk).length === 0)
      .map((risk) => ({ header: items([item(risk)]), cells: [text(stageTitle(graph, risk)), text(risk.data.severity), items(graph.checksOfRisk(risk).map(item))], facets: riskFacets(graph, risk) })),
  };
}

/** Risk × framework crosswalk, with the edition of each framework named. */
export function frameworkMatrix(graph: ContentGraph): Matrix {
  const frameworkItems = (framework: FrameworkKey, ids: string[]): CellItem[] =>
    mergeEditions(framework, ids.map((id) => ({ id: framework === 'nist' ? `§${id}` : id, label: resolveFrameworkId(framework, id)?.name ?? '', href: refPath(FRAMEWORK_NAMESPACES[framework], id) })));
  return {
    id: 'frameworks',
    title: 'Framework crosswalk',
    caption: 'Each risk against NIST SP 800-190, MITRE ATT&CK, the Microsoft Threat Matrix for Kubernetes and the OWASP Kubernetes Top 10.',
    columns: ['Risk', ...FRAMEWORKS.map((framework) => FRAMEWORK_LABELS[framework])],
    unit: { singular: 'risk', plural: 'risks' },
    filters: ['stage', 'severity', 'environment'],
    editions: FRAMEWORKS.map((framework) => `${FRAMEWORK_LABELS[framework]}: ${FRAMEWORK_CATALOGS[framework].edition}`),
    rows: graph.risks.map((risk) => ({
      header: items([item(risk)]),
      cells: FRAMEWORKS.map((framework) => items(frameworkItems(framework, risk.data.frameworks[framework]))),
      facets: riskFacets(graph, risk),
    })),
  };
}

export const MATRIX_BUILDERS = [threatMatrix, coverageMatrix, mitigationCheckMatrix, scannerMatrix, detectionGapMatrix, frameworkMatrix] as const;

export function buildMatrices(graph: ContentGraph): Matrix[] {
  return MATRIX_BUILDERS.map((build) => build(graph));
}
