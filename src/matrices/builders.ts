import { FRAMEWORK_CATALOGS, resolveFrameworkId } from '../catalogs/frameworks.ts';
import type { CheckEntry, IdEntry, MitigationEntry, RiskEntry } from '../graph/entries.ts';
import type { ContentGraph } from '../graph/graph.ts';
import { entryUrl, refPath } from '../model/urls.ts';
import type { FrameworkKey, StageKey } from '../model/vocabulary.ts';
import { FRAMEWORK_LABELS, FRAMEWORKS, SCANNER_LABELS, SCANNERS } from '../model/vocabulary.ts';
import { FRAMEWORK_NAMESPACES } from '../refs/records.ts';
import { items, text, type CellItem, type Matrix, type RowFacets } from './model.ts';

function item(entry: IdEntry): CellItem {
  return entry.kind === 'risks' ? { id: entry.data.id, label: entry.data.title, href: entryUrl(entry), severity: entry.data.severity } : { id: entry.data.id, label: entry.data.title, href: entryUrl(entry) };
}

function riskFacets(graph: ContentGraph, risk: RiskEntry): RowFacets {
  const checks = graph.checksOfRisk(risk);
  return {
    stage: [risk.data.stage as StageKey],
    severity: [risk.data.severity],
    environment: [...new Set([...graph.mitigationsOfRisk(risk).flatMap((mitigation) => mitigation.data.environments), ...checks.flatMap((check) => check.data.environments)])],
    scanner: graph.scannersDetecting(risk),
  };
}

function mergeFacets(list: RowFacets[]): RowFacets {
  return {
    stage: [...new Set(list.flatMap((facets) => facets.stage))],
    severity: [...new Set(list.flatMap((facets) => facets.severity))],
    environment: [...new Set(list.flatMap((facets) => facets.environment))],
    scanner: [...new Set(list.flatMap((facets) => facets.scanner))],
  };
}

function checkFacets(graph: ContentGraph, check: CheckEntry): RowFacets {
  const risks = graph.risksVerifiedBy(check);
  return {
    stage: [...new Set(risks.map((risk) => risk.data.stage as StageKey))],
    severity: [graph.severityOfCheck(check)],
    environment: check.data.environments,
    scanner: graph.rulesOfCheck(check).map((rule) => rule.scanner).filter((scanner, index, all) => all.indexOf(scanner) === index),
  };
}

function mitigationFacets(graph: ContentGraph, mitigation: MitigationEntry): RowFacets {
  const merged = mergeFacets(graph.risksMitigatedBy(mitigation).map((risk) => riskFacets(graph, risk)));
  return { ...merged, environment: mitigation.data.environments, scanner: [...new Set(graph.checksOfMitigation(mitigation).flatMap((check) => checkFacets(graph, check).scanner))] };
}

/** Stage × risk, ATT&CK style: one column per stage, risks worst first down each column. */
export function threatMatrix(graph: ContentGraph): Matrix {
  const columns = graph.stages.map((stage) => graph.risksOfStage(stage));
  const depth = Math.max(0, ...columns.map((risks) => risks.length));
  return {
    id: 'threats',
    title: 'Threat matrix',
    caption: 'Risks by life-cycle stage (NIST SP 800-190), worst first in each column.',
    columns: ['#', ...graph.stages.map((stage) => stage.data.title)],
    rows: Array.from({ length: depth }, (_, index) => {
      const risks = columns.map((risks) => risks[index]);
      const present = risks.filter((risk): risk is RiskEntry => risk !== undefined);
      return {
        header: text(String(index + 1)),
        cells: risks.map((risk) => (risk ? items([item(risk)]) : items([]))),
        facets: mergeFacets(present.map((risk) => riskFacets(graph, risk))),
      };
    }),
  };
}

/** Risk × mitigation coverage, weakest first within a stage: a risk with one mitigation or no check stands out. */
export function coverageMatrix(graph: ContentGraph): Matrix {
  return {
    id: 'coverage',
    title: 'Risk × mitigation coverage',
    caption: 'Which mitigations answer each risk, and how many checks and scanners verify them. "Weak" marks a risk with a single mitigation or no check.',
    columns: ['Risk', 'Stage', 'Severity', 'Mitigations', 'Checks', 'Scanners', 'Coverage'],
    rows: graph.risks.map((risk) => {
      const mitigations = graph.mitigationsOfRisk(risk);
      const checks = graph.checksOfRisk(risk);
      const scanners = graph.scannersDetecting(risk);
      const weak = mitigations.length < 2 || checks.length === 0;
      return {
        header: items([item(risk)]),
        cells: [text(risk.data.stage), text(risk.data.severity), items(mitigations.map(item)), text(String(checks.length)), text(scanners.map((scanner) => SCANNER_LABELS[scanner]).join(', ') || 'none'), text(weak ? 'weak' : 'ok', weak ? 'weak' : 'ok')],
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
    caption: 'The runnable checks that verify each mitigation is in place.',
    columns: ['Mitigation', 'Environments', 'Checks', 'Checks with a machine rule'],
    rows: graph.mitigations.map((mitigation) => {
      const checks = graph.checksOfMitigation(mitigation);
      return {
        header: items([item(mitigation)]),
        cells: [text(mitigation.data.environments.join(', ')), items(checks.map(item)), text(String(checks.filter((check) => check.automation).length))],
        facets: mitigationFacets(graph, mitigation),
      };
    }),
  };
}

/** Check × scanner: which scanner rules report the same condition as each check. */
export function scannerMatrix(graph: ContentGraph): Matrix {
  return {
    id: 'scanners',
    title: 'Check × scanner',
    caption: 'For every check, the rules of each scanner that report the same condition. An empty cell means that scanner does not detect it.',
    columns: ['Check', ...SCANNERS.map((scanner) => SCANNER_LABELS[scanner])],
    rows: graph.checks.map((check) => ({
      header: items([item(check)]),
      cells: SCANNERS.map((scanner) => {
        const rules = graph.rulesOfCheck(check).filter((rule) => rule.scanner === scanner);
        return items(rules.map((rule) => ({ id: rule.id, label: rule.title, href: refPath(scanner, rule.id) })));
      }),
      facets: checkFacets(graph, check),
    })),
  };
}

/** Risks that no catalogued scanner rule detects: only Bulkhead's checks cover them. */
export function detectionGapMatrix(graph: ContentGraph): Matrix {
  return {
    id: 'detection-gaps',
    title: 'Detection gaps',
    caption: 'Risks that none of Trivy, Kubescape, kube-bench, docker-bench or Checkov detects; verify them with the listed checks.',
    columns: ['Risk', 'Stage', 'Severity', 'Checks to run instead'],
    rows: graph.risks
      .filter((risk) => graph.scannersDetecting(risk).length === 0)
      .map((risk) => ({ header: items([item(risk)]), cells: [text(risk.data.stage), text(risk.data.severity), items(graph.checksOfRisk(risk).map(item))], facets: riskFacets(graph, risk) })),
  };
}

/** Risk × framework crosswalk, with the edition of each framework named. */
export function frameworkMatrix(graph: ContentGraph): Matrix {
  const frameworkItems = (framework: FrameworkKey, ids: string[]): CellItem[] =>
    ids.map((id) => ({ id: framework === 'nist' ? `§${id}` : id, label: resolveFrameworkId(framework, id)?.name ?? '', href: refPath(FRAMEWORK_NAMESPACES[framework], id) }));
  return {
    id: 'frameworks',
    title: 'Framework crosswalk',
    caption: 'Each risk against NIST SP 800-190, MITRE ATT&CK, the Microsoft Threat Matrix for Kubernetes and the OWASP Kubernetes Top 10.',
    columns: ['Risk', ...FRAMEWORKS.map((framework) => FRAMEWORK_LABELS[framework])],
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
