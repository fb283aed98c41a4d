import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/integrity/validate.ts';
import { buildRefRecords } from '../../src/refs/records.ts';
import { buildIdIndex, identifiersInContent } from '../../src/search/build-index.ts';
import { isIdentifierQuery, lookupIdentifier, normalizeQuery } from '../../src/search/lookup.ts';
import { queryTerms, rankByTerms } from '../../src/search/query-terms.ts';

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

describe('the exact-ID group', () => {
  it('is for identifiers, not for words that happen to be keys', () => {
    for (const query of ['KSV017', 'C-0057', 'CAP_SYS_ADMIN', 'kube-bench 5.2.2', 'CVE-2019-5736', 'BH-R-001', 'hostNetwork', '--read-only', 'K01:2022', 'runc-exe-overwrite']) expect(isIdentifierQuery(query), query).toBe(true);
    for (const query of ['runc escape', 'image signing', 'registry TLS', 'capabilities', 'old images left in the registry']) expect(isIdentifierQuery(query), query).toBe(false);
  });
  it('finds nothing for plain words, even when one is a key of the index', () => {
    const index = { version: 1 as const, targets: [{ label: 'Image', kind: 'Stage', url: '/stages/image/' }], keys: { IMAGE: [0], RUNC: [0] } };
    expect(lookupIdentifier(index, 'image signing')).toEqual([]);
    expect(lookupIdentifier(index, 'runc escape')).toEqual([]);
    expect(lookupIdentifier(index, 'image')).toEqual([]);
  });
});

describe('plain-language queries', () => {
  it('drop stop words and bring the content\'s words for the reader\'s', () => {
    const terms = queryTerms('old images left in the registry');
    expect(terms.map((alternatives) => alternatives[0])).toEqual(['old', 'images', 'left', 'registry']);
    expect(terms[0]).toContain('stale');
    expect(queryTerms('CAP_SYS_ADMIN')[0]).toEqual(['cap_sys_admin', 'sys_admin']);
    expect(queryTerms('runc escape')[1]).toEqual(expect.arrayContaining(['escape', 'breakout', 'host']));
    // The pages say "configuration" where a reader says "misconfiguration" (seed topic: configuration errors).
    expect(queryTerms('container misconfiguration')[1]).toContain('configuration');
  });
  it('rank pages by summed scores times the terms they match: more of the query counts, a filler word does not decide', () => {
    const ranked = rankByTerms([
      [{ id: 'stale', score: 4 }, { id: 'signing', score: 5 }, { id: 'filler', score: 1 }],
      [{ id: 'stale', score: 4 }, { id: 'filler', score: 1 }],
      [{ id: 'signing', score: 9 }, { id: 'stale', score: 4 }, { id: 'stale', score: 0.5 }, { id: 'filler', score: 1 }],
    ]);
    expect(ranked.map((hit) => [hit.id, hit.matched, hit.score])).toEqual([['stale', 3, 12], ['signing', 2, 14], ['filler', 3, 3]]);
  });
});
