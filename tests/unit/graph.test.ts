import { describe, expect, it } from 'vitest';
import { validateContent } from '../../src/integrity/validate.ts';
import { join } from 'node:path';

const { graph } = validateContent(join(import.meta.dirname, '..', 'fixtures'), { contentDir: join(import.meta.dirname, '..', 'fixtures', 'content') });
const ids = (entries: { data: { id: string } }[]) => entries.map((entry) => entry.data.id);

describe('ContentGraph', () => {
  const risk = graph.entryById('BH-R-004');
  const mitigation = graph.entryById('BH-M-004');
  const check = graph.entryById('BH-CK-004');

  it('resolves links declared on the risk and computes the reverse', () => {
    if (risk?.kind !== 'risks' || mitigation?.kind !== 'mitigations') throw new Error('fixture changed');
    expect(ids(graph.mitigationsOfRisk(risk))).toEqual(['BH-M-004']);
    expect(ids(graph.risksMitigatedBy(mitigation))).toEqual(['BH-R-004']);
  });

  it('computes checks of a risk and risks of a check through mitigations', () => {
    if (risk?.kind !== 'risks' || check?.kind !== 'checks') throw new Error('fixture changed');
    expect(ids(graph.checksOfRisk(risk))).toEqual(['BH-CK-004']);
    expect(ids(graph.risksVerifiedBy(check))).toEqual(['BH-R-004']);
    expect(graph.severityOfCheck(check)).toBe('critical');
  });

  it('groups risks by stage, worst first', () => {
    const stage = graph.stageByKey('container');
    if (!stage) throw new Error('fixture changed');
    expect(ids(graph.risksOfStage(stage))).toEqual(['BH-R-004']);
  });

  it('finds checks by any scanner spelling through the catalog', () => {
    expect(ids(graph.checksReportedBy('trivy', 'KSV-0017'))).toEqual(['BH-CK-004']);
    expect(ids(graph.checksReportedBy('kube-bench', '5.2.2'))).toEqual(['BH-CK-004']);
  });

  it('finds risks by framework ID, case-insensitively', () => {
    expect(ids(graph.risksMappedTo('attack', 't1611'))).toEqual(['BH-R-004']);
    expect(ids(graph.risksMappedTo('nist', '3.1.1'))).toEqual(['BH-R-001']);
  });

  it('computes concept and incident back-links', () => {
    const concept = graph.entryById('BH-CO-001');
    const incident = graph.entryById('BH-IN-001');
    if (concept?.kind !== 'concepts' || incident?.kind !== 'incidents') throw new Error('fixture changed');
    expect(ids(graph.entriesExplainedBy(concept))).toEqual(['BH-R-001', 'BH-R-002', 'BH-R-003', 'BH-R-004', 'BH-R-005']);
    expect(ids(graph.entriesIllustratedBy(incident))).toEqual(['BH-R-004']);
  });

  it('resolves aliases to entries', () => {
    expect(graph.resolveIdOrAlias('runc-exe-overwrite')?.data.id).toBe('BH-IN-001');
    expect(graph.resolveIdOrAlias('bh-r-004')?.data.id).toBe('BH-R-004');
  });
});
