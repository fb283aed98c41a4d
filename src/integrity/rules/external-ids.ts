import { resolveFrameworkId } from '../../catalogs/frameworks.ts';
import type { FrameworkKey } from '../../model/vocabulary.ts';
import { FRAMEWORK_LABELS } from '../../model/vocabulary.ts';
import type { IntegrityRule, ProblemDraft } from '../rule.ts';

function checkFrameworkId(framework: FrameworkKey, id: string, allowedKinds: readonly string[]): { message: string; suggestion?: string } | undefined {
  const entry = resolveFrameworkId(framework, id);
  if (entry && allowedKinds.includes(entry.kind)) return undefined;
  if (entry) return { message: `${JSON.stringify(id)} is a ${entry.kind} of ${FRAMEWORK_LABELS[framework]}, expected a ${allowedKinds.join(' or ')}` };
  const hint = framework === 'owaspK8s' && /^K\d{2}$/i.test(id) ? `name the edition: "${id.toUpperCase()}:2022" or "${id.toUpperCase()}:2025"` : undefined;
  return { message: `${JSON.stringify(id)} is not in the ${FRAMEWORK_LABELS[framework]} catalog`, suggestion: hint ?? 'take the ID from src/catalogs/frameworks' };
}

const RISK_FRAMEWORK_KINDS: Record<FrameworkKey, readonly string[]> = {
  nist: ['risk'],
  attack: ['technique'],
  msK8s: ['technique'],
  owaspK8s: ['top10'],
};

export const unknownFrameworkId: IntegrityRule = {
  name: 'unknown-framework-id',
  description: 'Framework IDs on risks and mitigations exist in the vendored framework catalogs and are of the right kind.',
  run(context) {
    const problems: ProblemDraft[] = [];
    for (const risk of context.graph.risks) {
      for (const framework of Object.keys(RISK_FRAMEWORK_KINDS) as FrameworkKey[]) {
        risk.data.frameworks[framework].forEach((id, index) => {
          const problem = checkFrameworkId(framework, id, RISK_FRAMEWORK_KINDS[framework]);
          if (problem) problems.push({ file: risk.file, field: `frameworks.${framework}[${index}]`, value: id, line: context.lineOf(risk, ['frameworks', framework, index]), ...problem });
        });
      }
    }
    for (const mitigation of context.graph.mitigations) {
      mitigation.data.nist.forEach((id, index) => {
        const problem = checkFrameworkId('nist', id, ['countermeasure']);
        if (problem) problems.push({ file: mitigation.file, field: `nist[${index}]`, value: id, line: context.lineOf(mitigation, ['nist', index]), ...problem });
      });
      mitigation.data.attackMitigations.forEach((id, index) => {
        const problem = checkFrameworkId('attack', id, ['mitigation']);
        if (problem) problems.push({ file: mitigation.file, field: `attackMitigations[${index}]`, value: id, line: context.lineOf(mitigation, ['attackMitigations', index]), ...problem });
      });
    }
    return problems;
  },
};
