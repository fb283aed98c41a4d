import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { resolveFrameworkId } from '../../src/catalogs/frameworks.ts';
import { SCANNER_CATALOGS, resolveScannerId } from '../../src/catalogs/scanners.ts';

const SHARED = join(import.meta.dirname, '..', '..', '..', 'shared', 'data');
const VENDORED = join(import.meta.dirname, '..', '..', 'src', 'catalogs');

describe('vendored catalogs', () => {
  it.runIf(existsSync(SHARED))('are identical to ../shared/data (refresh with npm run sync:catalogs)', () => {
    for (const folder of ['scanners', 'frameworks']) {
      for (const name of readdirSync(join(SHARED, folder)).filter((file) => file.endsWith('.json'))) {
        expect(readFileSync(join(VENDORED, folder, name), 'utf8'), `${folder}/${name}`).toBe(readFileSync(join(SHARED, folder, name), 'utf8'));
      }
    }
  });

  it('hold the rule counts the upstream README promises', () => {
    expect(SCANNER_CATALOGS.trivy.rules).toHaveLength(197);
    expect(SCANNER_CATALOGS.checkov.rules).toHaveLength(147);
    expect(SCANNER_CATALOGS.kubescape.rules).toHaveLength(281);
    expect(SCANNER_CATALOGS['kube-bench'].rules).toHaveLength(131);
    expect(SCANNER_CATALOGS['docker-bench'].rules).toHaveLength(132);
  });
});

describe('resolveScannerId', () => {
  it.each(['KSV-0017', 'KSV017', 'AVD-KSV-0017', 'ksv017', 'ksv_017', 'avd ksv 0017'])('resolves the Trivy spelling %s', (spelling) => {
    expect(resolveScannerId('trivy', spelling)?.id).toBe('KSV-0017');
  });
  it('does not resolve slugs that name several rules', () => {
    expect(resolveScannerId('trivy', 'use-specific-tags')).toBeUndefined();
  });
  it('keeps CIS numbers apart per scanner', () => {
    expect(resolveScannerId('kube-bench', '5.2.2')?.title).toMatch(/privileged/i);
    expect(resolveScannerId('docker-bench', '5.5')?.title).toMatch(/privileged/i);
  });
  it('resolves Kubescape legacy IDs', () => {
    const legacy = SCANNER_CATALOGS.kubescape.rules.find((rule) => rule.spellings.length > 0);
    if (!legacy) throw new Error('catalog has no legacy IDs');
    expect(resolveScannerId('kubescape', legacy.spellings[0] ?? '')?.id).toBe(legacy.id);
  });
});

describe('resolveFrameworkId', () => {
  it('resolves IDs of each framework', () => {
    expect(resolveFrameworkId('nist', '3.4.3')?.kind).toBe('risk');
    expect(resolveFrameworkId('attack', 'T1611')?.name).toBe('Escape to Host');
    expect(resolveFrameworkId('msK8s', 'MS-TA9013')?.kind).toBe('technique');
    expect(resolveFrameworkId('owaspK8s', 'K03:2022')?.name).toBe('Overly Permissive RBAC');
  });
});
