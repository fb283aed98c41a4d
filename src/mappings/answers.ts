import { resolveScannerId, SCANNER_CATALOGS } from '../catalogs/scanners.ts';
import type { ScannerRule } from '../catalogs/types.ts';
import type { RawMappingFile } from '../loader/read-mappings.ts';
import { SCANNERS, SCANNER_LABELS, type ScannerKey } from '../model/vocabulary.ts';
import { didYouMean } from '../integrity/suggest.ts';
import type { ProblemDraft } from '../integrity/rule.ts';
import { fieldPath } from '../integrity/problem.ts';
import { mappingFileSchema, ruleAnswer, type CheckMapping, type Relation } from '../schemas/mapping.ts';
import { RELATION_ORDER } from './relation-text.ts';

/** What Bulkhead says about one catalogued scanner rule, as declared in content/mappings/. */
export interface RuleAnswer {
  rule: ScannerRule;
  /** The mapping file that declares it, and where. */
  file: string;
  line: number | undefined;
  checks: CheckMapping[];
  /** Risk and mitigation IDs; their relation is always `related`. */
  related: string[];
  outOfScope: string | undefined;
  /** The scanner only prints a note: from the catalog's assessment, or declared in the mapping. */
  manual: boolean;
  /** Line of a field of this record, for integrity problems. */
  lineOf(path: readonly (string | number)[]): number | undefined;
}


export function closestRelation(answer: RuleAnswer): Relation | undefined {
  if (answer.outOfScope !== undefined) return undefined;
  const relations = [...answer.checks.map((mapping) => mapping.relation), ...(answer.related.length > 0 ? (['related'] as const) : [])];
  return RELATION_ORDER.find((relation) => relations.includes(relation));
}

const isScanner = (key: string): key is ScannerKey => (SCANNERS as readonly string[]).includes(key);

/**
 * Reads mapping files into answers keyed by scanner and canonical rule ID. Problems of shape
 * (schema, unknown scanner, unknown or non-canonical rule ID, a rule answered twice) come back
 * with file, line and value; the integrity rule `scanner-mappings` checks the rest.
 */
export function readAnswers(files: readonly RawMappingFile[]): { answers: RuleAnswer[]; problems: ProblemDraft[] } {
  const answers: RuleAnswer[] = [];
  const problems: ProblemDraft[] = [];
  const seen = new Map<string, RuleAnswer>();
  for (const { file, parsed } of files) {
    const data = parsed.data ?? {};
    const shape = mappingFileSchema.safeParse(data);
    if (!shape.success && (data === null || typeof data !== 'object' || Array.isArray(data))) {
      problems.push({ file, field: '(file)', message: 'a mapping file must be a map of scanner keys to maps of rule IDs', line: 1 });
      continue;
    }
    for (const [scanner, rules] of Object.entries(data as Record<string, unknown>)) {
      if (!isScanner(scanner)) {
        problems.push({ file, field: scanner, value: scanner, line: parsed.lineOf([scanner]), message: `${JSON.stringify(scanner)} is not a scanner key`, suggestion: didYouMean(scanner, SCANNERS, `use one of ${SCANNERS.join(', ')}`) });
        continue;
      }
      if (rules === null || typeof rules !== 'object' || Array.isArray(rules)) {
        problems.push({ file, field: scanner, line: parsed.lineOf([scanner]), message: 'expected a map of rule IDs to answers' });
        continue;
      }
      for (const [ruleId, raw] of Object.entries(rules as Record<string, unknown>)) {
        const field = `${scanner}.${ruleId}`;
        const line = parsed.lineOf([scanner, ruleId]);
        const rule = resolveScannerId(scanner, ruleId);
        if (!rule) {
          problems.push({ file, field, value: ruleId, line, message: `${JSON.stringify(ruleId)} is not a ${SCANNER_LABELS[scanner]} rule in src/catalogs/scanners/${scanner}.json`, suggestion: didYouMean(ruleId, SCANNER_CATALOGS[scanner].rules.map((candidate) => candidate.id), 'never invent a rule ID: answer the rules the catalog lists') });
          continue;
        }
        if (rule.id !== ruleId) {
          problems.push({ file, field, value: ruleId, line, message: `${JSON.stringify(ruleId)} is another spelling of ${rule.id}`, suggestion: `write the canonical ID "${rule.id}"` });
          continue;
        }
        const result = ruleAnswer.safeParse(raw ?? {});
        if (!result.success) {
          for (const issue of result.error.issues) {
            const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol');
            problems.push({ file, field: `${field}.${fieldPath(path)}`.replace(/\.$/, ''), line: parsed.lineOf([scanner, ruleId, ...path]) ?? line, message: issue.message.replace(/^Invalid input: /, '') });
          }
          continue;
        }
        const key = `${scanner}:${rule.id}`;
        const earlier = seen.get(key);
        if (earlier) {
          problems.push({ file, field, value: ruleId, line, message: `${SCANNER_LABELS[scanner]} ${rule.id} is already answered in ${earlier.file}${earlier.line ? `:${earlier.line}` : ''}`, suggestion: 'answer each rule once: merge the two records' });
          continue;
        }
        const answer: RuleAnswer = {
          rule,
          file,
          line,
          checks: result.data.checks,
          related: result.data.related,
          outOfScope: result.data.outOfScope,
          manual: rule.manual || result.data.manual === true,
          lineOf: (path) => parsed.lineOf([scanner, ruleId, ...path]),
        };
        seen.set(key, answer);
        answers.push(answer);
      }
    }
  }
  return { answers, problems };
}
