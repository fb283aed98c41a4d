import checkovJson from './scanners/checkov.json' with { type: 'json' };
import dockerBenchJson from './scanners/docker-bench.json' with { type: 'json' };
import kubeBenchJson from './scanners/kube-bench.json' with { type: 'json' };
import kubescapeJson from './scanners/kubescape.json' with { type: 'json' };
import trivyJson from './scanners/trivy.json' with { type: 'json' };
import type { ScannerKey } from '../model/vocabulary.ts';
import { SCANNERS } from '../model/vocabulary.ts';
import type { ScannerCatalog, ScannerRule } from './types.ts';

const lower = (value: string | null | undefined): string | undefined => (value ? value.toLowerCase() : undefined);

function trivyCatalog(): ScannerCatalog {
  return {
    scanner: 'trivy',
    name: trivyJson.name,
    source: trivyJson.source,
    rules: trivyJson.rules.map((rule) => ({
      scanner: 'trivy',
      id: rule.id,
      spellings: [rule.legacy_id, rule.avd_id, rule.long_id, ...rule.aliases].filter((spelling): spelling is string => Boolean(spelling)).filter((spelling) => !(spelling in trivyJson.ambiguous_aliases)),
      title: rule.title,
      severity: lower(rule.severity),
      description: rule.description,
      remediation: rule.remediation ?? undefined,
      url: rule.url,
      deprecated: rule.deprecated,
      manual: false,
      group: rule.target,
    })),
  };
}

function kubescapeCatalog(): ScannerCatalog {
  return {
    scanner: 'kubescape',
    name: kubescapeJson.name,
    source: kubescapeJson.source,
    rules: kubescapeJson.rules.map((rule) => ({
      scanner: 'kubescape',
      id: rule.id,
      spellings: rule.legacy_ids,
      title: rule.title,
      severity: lower(rule.severity),
      description: rule.description,
      remediation: rule.remediation ?? undefined,
      url: rule.url,
      deprecated: false,
      manual: false,
      group: rule.frameworks.join(', '),
    })),
  };
}

function kubeBenchCatalog(): ScannerCatalog {
  return {
    scanner: 'kube-bench',
    name: kubeBenchJson.name,
    source: kubeBenchJson.source,
    edition: kubeBenchJson.benchmark,
    rules: kubeBenchJson.rules.map((rule) => ({
      scanner: 'kube-bench',
      id: rule.id,
      spellings: [],
      title: rule.title,
      remediation: rule.remediation ?? undefined,
      url: rule.url,
      deprecated: false,
      manual: rule.assessment === 'manual',
      group: rule.group,
    })),
  };
}

function dockerBenchCatalog(): ScannerCatalog {
  return {
    scanner: 'docker-bench',
    name: dockerBenchJson.name,
    source: dockerBenchJson.source,
    rules: dockerBenchJson.rules.map((rule) => ({
      scanner: 'docker-bench',
      id: rule.id,
      spellings: [],
      title: rule.title,
      remediation: rule.remediation ?? undefined,
      url: rule.url,
      deprecated: false,
      manual: rule.assessment === 'manual',
      group: rule.file.replace(/^tests\/\d+_/, '').replace(/\.sh$/, '').replaceAll('_', ' '),
    })),
  };
}

function checkovCatalog(): ScannerCatalog {
  return {
    scanner: 'checkov',
    name: checkovJson.name,
    source: checkovJson.source,
    rules: checkovJson.rules.map((rule) => ({
      scanner: 'checkov',
      id: rule.id,
      spellings: [],
      title: rule.title,
      url: rule.url,
      deprecated: false,
      manual: false,
      group: rule.target,
    })),
  };
}

export const SCANNER_CATALOGS: Record<ScannerKey, ScannerCatalog> = {
  trivy: trivyCatalog(),
  kubescape: kubescapeCatalog(),
  'kube-bench': kubeBenchCatalog(),
  'docker-bench': dockerBenchCatalog(),
  checkov: checkovCatalog(),
};

/** Case-insensitive and blind to `-`, `_` and spaces, so "ksv_017" and "KSV 017" find KSV017. */
export function normalizeIdentifier(text: string): string {
  return text.trim().toUpperCase().replace(/[\s_-]+/g, '');
}

const spellingIndex = new Map<ScannerKey, Map<string, ScannerRule>>(
  SCANNERS.map((scanner) => {
    const index = new Map<string, ScannerRule>();
    const rules = SCANNER_CATALOGS[scanner].rules;
    // Canonical IDs go in last so they win: upstream data has spellings that collide with
    // another rule's ID once separators are ignored (KCV-0012's legacy ID is KSV0012).
    for (const rule of rules) for (const spelling of rule.spellings) index.set(normalizeIdentifier(spelling), rule);
    for (const rule of rules) index.set(normalizeIdentifier(rule.id), rule);
    return [scanner, index];
  }),
);

/** Finds a rule of one scanner by any spelling a finding may carry; undefined if it is not catalogued. */
export function resolveScannerId(scanner: ScannerKey, spelling: string): ScannerRule | undefined {
  return spellingIndex.get(scanner)?.get(normalizeIdentifier(spelling));
}

export function allScannerRules(): ScannerRule[] {
  return SCANNERS.flatMap((scanner) => SCANNER_CATALOGS[scanner].rules);
}
