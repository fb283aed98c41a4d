import { resolveFrameworkId } from '../../catalogs/frameworks.ts';
import { resolveScannerId, SCANNER_CATALOGS } from '../../catalogs/scanners.ts';
import type { FrameworkKey } from '../../model/vocabulary.ts';
import { FRAMEWORK_LABELS, SCANNER_LABELS, SCANNERS } from '../../model/vocabulary.ts';
import type { IntegrityRule, ProblemDraft } from '../rule.ts';
import { didYouMean } from '../suggest.ts';

export const unknownScannerRule: IntegrityRule = {
  name: 'unknown-scanner-rule',
  description: 'Every scanner rule a check names exists in the vendored scanner catalogs, written in its canonical form.',
  run(context) {
    return context.graph.checks.flatMap((check) =>
      SCANNERS.flatMap((scanner) =>
        check.data.scannerRules[scanner].flatMap((id, index): ProblemDraft[] => {
          const field = `scannerRules.${scanner}[${index}]`;
          const line = context.lineOf(check, ['scannerRules', scanner, index]);
          const rule = resolveScannerId(scanner, id);
          if (rule && rule.id === id) return [];
          if (rule) return [{ file: check.file, field, value: id, line, message: `${JSON.stringify(id)} is another spelling of ${SCANNER_LABELS[scanner]} rule ${rule.id}`, suggestion: `write the canonical ID ${JSON.stringify(rule.id)}` }];
          const ids = SCANNER_CATALOGS[scanner].rules.map((candidate) => candidate.id);
          const elsewhere = SCANNERS.find((other) => other !== scanner && resolveScannerId(other, id));
          return [{ file: check.file, field, value: id, line, message: `${JSON.stringify(id)} is not a ${SCANNER_LABELS[scanner]} rule in src/catalogs/scanners/${scanner}.json`, suggestion: elsewhere ? `it is a ${SCANNER_LABELS[elsewhere]} rule: list it under scannerRules.${elsewhere}` : didYouMean(id, ids, 'never invent a rule ID: cite one from the catalog') }];
        }),
      ),
    );
  },
};

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
