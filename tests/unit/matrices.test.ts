import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/integrity/validate.ts';
import { MATRIX_BUILDERS } from '../../src/matrices/builders.ts';
import { matrixToCsv, csvField } from '../../src/matrices/csv.ts';
import { cellText } from '../../src/matrices/model.ts';
import { buildKnowledgeBase } from '../../src/exports/kb.ts';
import { buildNavigatorLayer } from '../../src/exports/navigator.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const { graph } = validateContent(fixtures, { contentDir: join(fixtures, 'content') });

describe('matrix builders over the fixture content', () => {
  for (const build of MATRIX_BUILDERS) {
    it(`${build.name} is a pure function of the graph`, () => {
      const matrix = build(graph);
      expect(build(graph)).toEqual(matrix);
      expect({ id: matrix.id, columns: matrix.columns, rows: matrix.rows.map((row) => ({ cells: [row.header, ...row.cells].map(cellText), facets: row.facets })) }).toMatchSnapshot();
    });
  }

  it('leaves deprecated risks out of every matrix', () => {
    for (const build of MATRIX_BUILDERS) expect(JSON.stringify(build(graph))).not.toContain('BH-R-006');
  });
});

describe('CSV export', () => {
  it('quotes fields as RFC 4180 says', () => {
    expect(csvField('plain')).toBe('plain');
    expect(csvField('a, b')).toBe('"a, b"');
    expect(csvField('say "hi"')).toBe('"say ""hi"""');
    expect(csvField('two\nlines')).toBe('"two\nlines"');
  });
  it('starts with a byte-order mark and a header row and ends lines with CRLF', () => {
    const csv = matrixToCsv(MATRIX_BUILDERS[1](graph));
    expect(csv.startsWith('\uFEFFRisk,Stage,Severity,Mitigations,Automated checks,Manual checks,Scanners,Coverage\r\n')).toBe(true);
    expect(csv.endsWith('\r\n')).toBe(true);
  });
});

describe('kb.json', () => {
  const kb = buildKnowledgeBase(graph, '2026-11-24T00:00:00.000Z');
  it('carries links in both directions and every alias', () => {
    const risk = kb.entries.find((entry) => entry.id === 'BH-R-004');
    const mitigation = kb.entries.find((entry) => entry.id === 'BH-M-004');
    expect(risk?.links.mitigations).toEqual(['BH-M-004']);
    expect(mitigation?.links.risks).toEqual(['BH-R-004']);
    expect(kb.aliases['runc-exe-overwrite']).toBe('BH-IN-001');
    expect(kb.aliases['privileged-mode-old']).toBe('BH-R-006');
  });
});

describe('ATT&CK Navigator layer', () => {
  it('scores each technique by the number of risks mapped to it', () => {
    const layer = buildNavigatorLayer(graph);
    expect(layer.techniques.map((technique) => [technique.techniqueID, technique.score])).toEqual([['T1611', 1]]);
  });
});
