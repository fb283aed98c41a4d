import attackJson from './frameworks/mitre-attack-containers.json' with { type: 'json' };
import msJson from './frameworks/ms-threat-matrix-k8s.json' with { type: 'json' };
import nistJson from './frameworks/nist-800-190.json' with { type: 'json' };
import owaspJson from './frameworks/owasp-k8s-top10.json' with { type: 'json' };
import type { FrameworkKey } from '../model/vocabulary.ts';
import type { FrameworkCatalog, FrameworkEntry, FrameworkEntryKind } from './types.ts';

const NIST_PDF = nistJson.source.pdf;
const MS_BASE = 'https://microsoft.github.io/Threat-Matrix-for-Kubernetes';

function nistCatalog(): FrameworkCatalog {
  return {
    key: 'nist',
    name: 'NIST SP 800-190',
    edition: 'September 2017',
    entries: nistJson.entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      kind: entry.kind as FrameworkEntryKind,
      url: NIST_PDF,
      stage: entry.stage ?? undefined,
    })),
  };
}

function attackCatalog(): FrameworkCatalog {
  return {
    key: 'attack',
    name: 'MITRE ATT&CK Enterprise (Containers platform)',
    edition: `as published on ${attackJson.source.committed}`,
    revision: `mitre/cti ${attackJson.source.commit.slice(0, 7)}`,
    entries: attackJson.entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      kind: entry.kind as FrameworkEntryKind,
      url: entry.url,
      tactics: entry.tactics,
      deprecated: Boolean(entry.deprecated || entry.revoked),
    })),
  };
}

/** The Microsoft site names technique pages by their title in lower case with hyphens. */
function msTechniqueUrl(file: string): string {
  const page = file.replace(/^docs\//, '').replace(/\.md$/, '');
  return `${MS_BASE}/${page.split('/').map((part) => encodeURIComponent(part)).join('/')}/`;
}

function msCatalog(): FrameworkCatalog {
  return {
    key: 'msK8s',
    name: 'Microsoft Threat Matrix for Kubernetes',
    edition: `as published on ${msJson.source.committed}`,
    revision: `microsoft/Threat-Matrix-for-Kubernetes ${msJson.source.commit.slice(0, 7)}`,
    entries: msJson.entries.map((entry) => ({
      id: entry.id,
      name: entry.name,
      kind: entry.kind as FrameworkEntryKind,
      url: msTechniqueUrl(entry.file),
      tactics: entry.tactics,
    })),
  };
}

function owaspCatalog(): FrameworkCatalog {
  return {
    key: 'owaspK8s',
    name: 'OWASP Kubernetes Top 10',
    // Each ID names its edition (K01:2022); pages say which one per item.
    edition: '2022 and 2025 editions',
    entries: owaspJson.entries.map((entry) => ({ id: entry.id, name: entry.name, kind: 'top10', url: entry.url })),
  };
}

export const FRAMEWORK_CATALOGS: Record<FrameworkKey, FrameworkCatalog> = {
  nist: nistCatalog(),
  attack: attackCatalog(),
  msK8s: msCatalog(),
  owaspK8s: owaspCatalog(),
};

const frameworkIndex = new Map<FrameworkKey, Map<string, FrameworkEntry>>(
  (Object.keys(FRAMEWORK_CATALOGS) as FrameworkKey[]).map((key) => [
    key,
    new Map(FRAMEWORK_CATALOGS[key].entries.map((entry) => [entry.id.toUpperCase(), entry])),
  ]),
);

export function resolveFrameworkId(framework: FrameworkKey, id: string): FrameworkEntry | undefined {
  return frameworkIndex.get(framework)?.get(id.trim().toUpperCase());
}
