import { resolveScannerId } from '../catalogs/scanners.ts';
import { absoluteUrl, refPath } from '../model/urls.ts';
import type { ScannerKey } from '../model/vocabulary.ts';

/** The finding formats the linker understands, as the scanners document them. */
export const FINDING_FORMATS = ['trivy-json', 'kubescape-json', 'kube-bench-json', 'docker-bench-json', 'checkov-json', 'sarif'] as const;
export type FindingFormat = (typeof FINDING_FORMATS)[number];

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
type JsonObject = { [key: string]: Json };

const isObject = (value: Json | undefined): value is JsonObject => typeof value === 'object' && value !== null && !Array.isArray(value);
const asArray = (value: Json | undefined): Json[] => (Array.isArray(value) ? value : []);
const asString = (value: Json | undefined): string | undefined => (typeof value === 'string' ? value : undefined);

/**
 * The objects found by following `path` from `value`: an array at a step contributes each of its
 * objects, an object contributes itself. Scanner reports nest findings this way.
 */
function objectsAt(value: Json | undefined, ...path: string[]): JsonObject[] {
  let level: JsonObject[] = isObject(value) ? [value] : [];
  for (const key of path) level = level.flatMap((item) => (Array.isArray(item[key]) ? asArray(item[key]).filter(isObject) : isObject(item[key]) ? [item[key]] : []));
  return level;
}

export interface LinkReport {
  format: FindingFormat;
  /** Findings whose link now points to Bulkhead. */
  linked: number;
  /** Rule IDs that no catalog knows; their findings are left as they were. */
  unknown: string[];
}

/** The Bulkhead page of a rule ID as a scanner printed it, or undefined when it is not catalogued. */
export function bulkheadUrlFor(scanner: ScannerKey, printedId: string): string | undefined {
  const rule = resolveScannerId(scanner, printedId);
  return rule ? absoluteUrl(refPath(scanner, rule.id)) : undefined;
}

export function detectFormat(document: Json): FindingFormat | undefined {
  if (isObject(document)) {
    if (Array.isArray(document.runs) && asString(document.version)?.startsWith('2.1')) return 'sarif';
    if ('SchemaVersion' in document && 'Results' in document) return 'trivy-json';
    if (isObject(document.summaryDetails) || ('results' in document && 'resources' in document)) return 'kubescape-json';
    if (Array.isArray(document.Controls)) return 'kube-bench-json';
    if ('dockerbenchsecurity' in document || (Array.isArray(document.tests) && 'checks' in document)) return 'docker-bench-json';
    if (document.check_type !== undefined && isObject(document.results)) return 'checkov-json';
  }
  if (Array.isArray(document) && document.every((item) => isObject(item) && item.check_type !== undefined)) return 'checkov-json';
  return undefined;
}

/** Which scanner wrote a SARIF run, from its tool name. */
function scannerOfSarifRun(run: JsonObject): ScannerKey | undefined {
  const driver = isObject(run.tool) && isObject(run.tool.driver) ? run.tool.driver : undefined;
  const name = (asString(driver?.name) ?? '').toLowerCase();
  if (name.includes('trivy')) return 'trivy';
  if (name.includes('kubescape')) return 'kubescape';
  if (name.includes('checkov')) return 'checkov';
  return undefined;
}

/**
 * Rewrites a scanner's output in place so that each finding's help link points to the Bulkhead
 * page of its rule. The scanner's own link is kept next to it where the format has room.
 */
export function linkFindings(document: Json, format: FindingFormat): LinkReport {
  const report: LinkReport = { format, linked: 0, unknown: [] };
  const link = (scanner: ScannerKey, id: string | undefined, apply: (url: string) => void) => {
    if (!id) return;
    const url = bulkheadUrlFor(scanner, id);
    if (url) {
      apply(url);
      report.linked++;
    } else if (!report.unknown.includes(id)) report.unknown.push(id);
  };

  switch (format) {
    case 'trivy-json':
      for (const finding of objectsAt(document, 'Results', 'Misconfigurations')) {
        link('trivy', asString(finding.AVDID) ?? asString(finding.ID), (url) => {
          const upstream = asString(finding.PrimaryURL);
          finding.PrimaryURL = url;
          finding.References = [url, ...asArray(finding.References).filter((reference) => reference !== url), ...(upstream ? [upstream] : [])].filter((value, index, all) => all.indexOf(value) === index);
        });
      }
      break;
    case 'kubescape-json':
      for (const [id, control] of objectsAt(document, 'summaryDetails', 'controls').flatMap((controls) => Object.entries(controls))) {
        if (isObject(control)) link('kubescape', asString(control.controlID) ?? id, (url) => (control.bulkheadUrl = url));
      }
      for (const control of objectsAt(document, 'results', 'controls')) link('kubescape', asString(control.controlID), (url) => (control.bulkheadUrl = url));
      break;
    case 'kube-bench-json':
      for (const result of objectsAt(document, 'Controls', 'tests', 'results')) link('kube-bench', asString(result.test_number), (url) => (result.bulkhead_url = url));
      break;
    case 'docker-bench-json':
      for (const result of objectsAt(document, 'tests', 'results')) link('docker-bench', asString(result.id), (url) => (result.url = url));
      break;
    case 'checkov-json':
      for (const block of Array.isArray(document) ? document : [document]) {
        for (const finding of ['failed_checks', 'passed_checks', 'skipped_checks'].flatMap((list) => objectsAt(block, 'results', list))) {
          link('checkov', asString(finding.check_id), (url) => {
            if (typeof finding.guideline === 'string' && finding.guideline !== url) finding.upstream_guideline = finding.guideline;
            finding.guideline = url;
          });
        }
      }
      break;
    case 'sarif':
      for (const run of objectsAt(document, 'runs')) {
        const scanner = scannerOfSarifRun(run);
        if (!scanner) continue;
        for (const rule of objectsAt(run, 'tool', 'driver', 'rules')) {
          link(scanner, asString(rule.id), (url) => {
            const upstream = asString(rule.helpUri);
            rule.helpUri = url;
            const properties = isObject(rule.properties) ? rule.properties : (rule.properties = {});
            if (upstream && upstream !== url) properties.upstreamHelpUri = upstream;
            if (isObject(rule.help) && typeof rule.help.markdown === 'string' && !rule.help.markdown.includes(url)) rule.help.markdown = `${rule.help.markdown}\n\n[Explained on Bulkhead](${url})`;
          });
        }
      }
      break;
  }
  return report;
}
