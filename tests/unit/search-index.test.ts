import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/integrity/validate.ts';
import { buildRefRecords } from '../../src/refs/records.ts';
import { buildIdIndex, identifiersInContent } from '../../src/search/build-index.ts';
import { lookupIdentifier, normalizeQuery } from '../../src/search/lookup.ts';

describe('normalizeQuery', () => {
  it('ignores case, "-", "_", spaces and a leading §', () => {
    expect(normalizeQuery(' ksv_017 ')).toBe('KSV017');
    expect(normalizeQuery('AVD-KSV-0017')).toBe('AVDKSV0017');
    expect(normalizeQuery('§3.4.3')).toBe('3.4.3');
  });
});

for (const [name, root] of [['fixture content', join(import.meta.dirname, '..', 'fixtures')], ['real content', join(import.meta.dirname, '..', '..')]] as const) {
  describe(`the ID index over the ${name}`, () => {
    const { graph } = validateContent(root, { contentDir: join(root, 'content') });
    const records = buildRefRecords(graph);
    const index = buildIdIndex(graph, records);
    const cases = identifiersInContent(graph, records);

    it('has identifiers to test', () => {
      expect(cases.length).toBeGreaterThan(5);
    });

    it('resolves every identifier the content mentions to its own page first', () => {
      const misses = cases.filter((testCase) => lookupIdentifier(index, testCase.query)[0]?.url !== testCase.expectedUrl).map((testCase) => `${testCase.kind} ${testCase.query} → ${lookupIdentifier(index, testCase.query)[0]?.url ?? 'nothing'} (want ${testCase.expectedUrl})`);
      expect(misses).toEqual([]);
    });

    it('resolves every spelling a scanner prints, catalogued or mapped', () => {
      for (const query of ['KSV017', 'AVD-KSV-0017', 'KSV-0017', 'ksv 017', 'C-0057', 'CKV_K8S_16', 'kube-bench 5.2.2', 'docker-bench 5.5']) {
        expect(lookupIdentifier(index, query)[0]?.url, query).toMatch(/^\/ref\//);
      }
    });
  });
}
