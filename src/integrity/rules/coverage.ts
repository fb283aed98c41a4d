import { closest } from '../suggest.ts';
import type { IntegrityRule, ProblemDraft } from '../rule.ts';

export const riskWithoutMitigation: IntegrityRule = {
  name: 'risk-without-mitigation',
  description: 'Every risk lists at least one mitigation, so no risk page is a dead end.',
  run(context) {
    return context.graph.risks.flatMap((risk): ProblemDraft[] =>
      risk.data.mitigations.length > 0 || risk.data.deprecated
        ? []
        : [{ file: risk.file, field: 'mitigations', value: '[]', line: context.lineOf(risk, ['mitigations']) ?? context.lineOf(risk, ['id']), message: 'the risk lists no mitigation', suggestion: 'add the IDs of the mitigations that answer it, e.g. mitigations: [BH-M-001]' }],
    );
  },
};

export const mitigationWithoutCheck: IntegrityRule = {
  name: 'mitigation-without-check',
  description: 'Every mitigation lists at least one check that verifies it is in place.',
  run(context) {
    return context.graph.mitigations.flatMap((mitigation): ProblemDraft[] =>
      mitigation.data.checks.length > 0 || mitigation.data.deprecated
        ? []
        : [{ file: mitigation.file, field: 'checks', value: '[]', line: context.lineOf(mitigation, ['checks']) ?? context.lineOf(mitigation, ['id']), message: 'the mitigation lists no check', suggestion: 'add a check that verifies it (npm run new -- check) and list its ID under checks' }],
    );
  },
};

export const checkWithoutMitigation: IntegrityRule = {
  name: 'check-without-mitigation',
  description: 'Every check is listed by a mitigation, so it has a risk, a severity and a place in the matrices.',
  run(context) {
    return context.graph.checks.flatMap((check): ProblemDraft[] =>
      check.data.deprecated || context.graph.mitigationsVerifiedBy(check).length > 0
        ? []
        : [{ file: check.file, field: 'id', value: check.data.id, line: context.lineOf(check, ['id']), message: 'no mitigation lists this check, so it verifies nothing and has no risk or severity', suggestion: `add ${check.data.id} to the checks of the mitigation it verifies` }],
    );
  },
};

/**
 * An incident is linked from the risks it illustrates (declared on the risk, like every incident
 * link). Its mitigations are those that list it themselves or answer one of those risks: asking a
 * mitigation to repeat a link the graph already computes would declare it twice.
 */
export const incidentLinks: IntegrityRule = {
  name: 'incident-links',
  description: 'Every incident is listed by at least one risk, and at least one mitigation answers it (listing it, or answering one of its risks).',
  run(context) {
    const { graph } = context;
    return graph.incidents.flatMap((incident): ProblemDraft[] => {
      const linked = graph.entriesIllustratedBy(incident);
      const risks = linked.filter((entry) => entry.kind === 'risks');
      const mitigations = [...linked.filter((entry) => entry.kind === 'mitigations'), ...risks.flatMap((risk) => graph.mitigationsOfRisk(risk))];
      const where = { file: incident.file, field: 'id', value: incident.data.id, line: context.lineOf(incident, ['id']) };
      const problems: ProblemDraft[] = [];
      if (risks.length === 0) problems.push({ ...where, message: 'no risk lists this incident, so it illustrates nothing in the threat model', suggestion: `add ${incident.data.id} to incidents of the risk it is an instance of` });
      if (mitigations.length === 0) problems.push({ ...where, message: 'no mitigation answers this incident, directly or through its risks', suggestion: `add ${incident.data.id} to incidents of the mitigation that would have stopped it, or list the incident on a risk that has mitigations` });
      return problems;
    });
  },
};

export const missingCitation: IntegrityRule = {
  name: 'missing-citation',
  description: 'Every entry cites at least one source.',
  run(context) {
    return context.graph.allPagedEntries().flatMap((entry): ProblemDraft[] =>
      entry.data.citations.length > 0
        ? []
        : [{ file: entry.file, field: 'citations', value: '[]', line: context.lineOf(entry, ['citations']) ?? context.lineOf(entry, ['id']), message: 'the entry cites no source', suggestion: 'add citations: [{ source: <key of a file in content/sources>, locator: "§…" }]' }],
    );
  },
};

export const unknownSource: IntegrityRule = {
  name: 'unknown-source',
  description: 'Every citation points to a source in content/sources.',
  run(context) {
    const keys = context.graph.sources.map((source) => source.data.key);
    return context.graph.allPagedEntries().flatMap((entry) =>
      entry.data.citations.flatMap((citation, index): ProblemDraft[] => {
        if (context.graph.sourceByKey(citation.source)) return [];
        const match = closest(citation.source, keys) ?? keys.find((key) => key.includes(citation.source.toLowerCase()));
        return [{ file: entry.file, field: `citations[${index}].source`, value: citation.source, line: context.lineOf(entry, ['citations', index, 'source']), message: `unknown source ${JSON.stringify(citation.source)}`, suggestion: match ? `did you mean ${JSON.stringify(match)}?` : `add content/sources/${citation.source}.yaml or cite an existing key` }];
      }),
    );
  },
};
