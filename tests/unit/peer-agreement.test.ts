import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { readArtifact } from '../../src/artifacts/artifact.ts';
import { validateContent } from '../../src/integrity/validate.ts';
import { describeObject } from '../../src/artifacts/kubernetes.ts';
import { loadAutomatedChecks, runChecks, type AutomatedCheck } from '../../src/rules/engine.ts';

/**
 * Agreement with the peer scanners on their own labelled test inputs. tests/fixtures/peers/
 * holds inputs taken from the public test suites of Checkov, Kubescape (regolibrary) and Trivy
 * (trivy-checks), one object per file, as
 * `<scanner>/<rule-id>/{pass,fail}/<name>`: `fail` where the peer rule reports the input, `pass`
 * where it evaluates the input and does not (README.md there names each source). Where the peer
 * rule reads an object together with others (a Pod with its ServiceAccount, a binding with its
 * role), the file holds them all and the first object is the one labelled: only findings on
 * that object count.
 *
 * For every mapping of such a rule to an automated check in content/mappings/, the check must
 * behave as the mapping's relation claims:
 * - `same`: the check reports exactly the peer's failing inputs and none of its passing ones;
 * - `narrower` (the scanner flags less): every input the peer fails, the check reports too;
 * - `broader` (the scanner flags more): every input the peer passes, the check passes too;
 * - `related` (each flags inputs the other passes, as the mapping's difference says): no verdict is
 *   bound, but the check must read every input, so a mapping cannot turn related to escape a
 *   reading bug.
 * A deliberate difference, explained in the mapping's `difference`, is listed in EXCEPTIONS
 * below with its reason; an exception that no longer disagrees fails the test, so the list
 * stays true.
 */
const root = join(import.meta.dirname, '..', '..');
const PEERS = join(root, 'tests', 'fixtures', 'peers');
const { graph } = validateContent(root, { rules: [] });
const automated = await loadAutomatedChecks(graph, root);

type Label = 'pass' | 'fail';
type Relation = 'same' | 'narrower' | 'broader' | 'related';

interface PeerInput {
  scanner: string;
  rule: string;
  label: Label;
  /** Path below tests/fixtures/peers/. */
  file: string;
}

interface Mapping {
  check: AutomatedCheck;
  relation: Relation;
}

/**
 * Inputs on which a check deliberately differs from the peer rule, each naming the mapping
 * (scanner, rule, check), the input, and why: these are the documented deliberate differences.
 */
const EXCEPTIONS: { scanner: string; rule: string; check: string; file: string; reason: string }[] = [
  // Malformed objects: `spec` is a list, so the API server refuses the Pod and nothing runs.
  // Checkov cannot find the setting and fails it; the check reads only what Kubernetes would run.
  {
    scanner: 'checkov',
    rule: 'CKV_K8S_29',
    check: 'BH-CK-355',
    file: 'checkov/CKV_K8S_29/fail/pod-container-FAILED_malformed_spec-pod-security-context-demo.yaml',
    reason: 'the Pod spec is a list, which the API server refuses; stated in the mapping difference',
  },
  // The trivy-checks tests spell the kind ClusterRolebinding (as the rules' kind list does); the
  // API server refuses that kind, and bulkhead reports the typo as an input problem instead of
  // reading the object.
  {
    scanner: 'trivy',
    rule: 'KSV-0122',
    check: 'BH-CK-055',
    file: 'trivy/KSV-0122/fail/test_cluster_role_binding_with_anonymous_user_binding.yaml',
    reason: 'kind ClusterRolebinding (a typo the API server refuses) is reported as an input problem',
  },
  {
    scanner: 'trivy',
    rule: 'KSV-0123',
    check: 'BH-CK-412',
    file: 'trivy/KSV-0123/fail/test_cluster_role_binding_with_system_masters_binding.yaml',
    reason: 'kind ClusterRolebinding (a typo the API server refuses) is reported as an input problem',
  },
];

/**
 * Disagreements that are bulkhead's to fix but not in a rule (the artifact readers in src/artifacts/
 * are changed elsewhere): reported to their owners, listed here so that they stay visible and are
 * counted in the figures. Like EXCEPTIONS, an entry that no longer disagrees fails the test.
 */
const REPORTED: { scanner: string; rule: string; check: string; file: string; reason: string }[] = [];

function listInputs(): PeerInput[] {
  const inputs: PeerInput[] = [];
  if (!existsSync(PEERS)) return inputs;
  for (const scanner of readdirSync(PEERS, { withFileTypes: true })) {
    if (!scanner.isDirectory()) continue;
    for (const rule of readdirSync(join(PEERS, scanner.name), { withFileTypes: true })) {
      if (!rule.isDirectory()) continue;
      for (const label of ['pass', 'fail'] as const) {
        const dir = join(PEERS, scanner.name, rule.name, label);
        if (!existsSync(dir)) continue;
        for (const file of readdirSync(dir).sort()) inputs.push({ scanner: scanner.name, rule: rule.name, label, file: `${scanner.name}/${rule.name}/${label}/${file}` });
      }
    }
  }
  return inputs;
}

function mappingsOf(scanner: string, rule: string): Mapping[] {
  const mappings: Mapping[] = [];
  for (const check of automated) {
    for (const relation of check.scannerRelations) {
      if (relation.scanner !== scanner || relation.id !== rule) continue;
      mappings.push({ check, relation: relation.relation });
    }
  }
  return mappings;
}

const verdicts = new Map<string, boolean | string>();
/**
 * Whether the check reports the input's labelled object (cached: one input may serve several
 * mappings), or the input problem bulkhead reports instead of reading it.
 */
function reports(check: AutomatedCheck, file: string): boolean | string {
  const key = `${check.check.data.id}\0${file}`;
  const cached = verdicts.get(key);
  if (cached !== undefined) return cached;
  const result = readArtifact(file, readFileSync(join(PEERS, file), 'utf8'));
  let verdict: boolean | string;
  if (result.status !== 'read' || result.problems.length > 0) verdict = `input problem: ${result.problems.map((problem) => problem.message).join('; ')}`;
  else {
    const findings = runChecks(result.artifact, [check]);
    const subject = result.artifact.kind === 'kubernetes' ? [...result.artifact.objects][0] : undefined;
    const name = subject ? describeObject(subject) : undefined;
    verdict = findings.some((finding) => name === undefined || finding.object === name);
  }
  verdicts.set(key, verdict);
  return verdict;
}

/** Whether the relation requires the check to agree with the peer on an input with this label. */
function bound(relation: Relation, label: Label): boolean {
  return relation === 'same' || (relation === 'narrower' && label === 'fail') || (relation === 'broader' && label === 'pass');
}

const inputs = listInputs();
const byRule = new Map<string, PeerInput[]>();
for (const input of inputs) {
  const key = `${input.scanner}/${input.rule}`;
  byRule.set(key, [...(byRule.get(key) ?? []), input]);
}

/** Confusion counts per scanner over the `same` mappings, the peer's label taken as truth. */
const counts = new Map<string, { tp: number; fp: number; fn: number; tn: number }>();
/** Per scanner, the inputs a same, narrower or broader relation binds, and how many the check decides as the peer does. */
const boundCounts = new Map<string, { bound: number; agreed: number }>();
const usedExceptions = new Set<number>();
const usedReported = new Set<number>();

describe('agreement with the peer scanners on their own test inputs', () => {
  it('has vendored inputs of every scanner', () => {
    const scanners = new Set(inputs.map((input) => input.scanner));
    for (const scanner of ['checkov', 'kubescape', 'trivy']) expect(scanners, `tests/fixtures/peers/${scanner}`).toContain(scanner);
  });

  for (const [key, ruleInputs] of byRule) {
    const [scanner = '', rule = ''] = key.split('/');
    describe(key, () => {
      const mappings = mappingsOf(scanner, rule);
      it('is mapped to an automated check', () => {
        expect(mappings.length, `${key} is vendored but no mapping to an automated check names it`).toBeGreaterThan(0);
      });
      for (const { check, relation } of mappings) {
        const id = check.check.data.id;
        it(`${relation} ${id}`, () => {
          const wrong: string[] = [];
          for (const input of ruleInputs) {
            const verdict = reports(check, input.file);
            const flagged = verdict === true;
            const matches = (candidate: { scanner: string; rule: string; check: string; file: string }) => candidate.scanner === scanner && candidate.rule === rule && candidate.check === id && candidate.file === input.file;
            const exception = EXCEPTIONS.findIndex(matches);
            const reported = REPORTED.findIndex(matches);
            if (exception >= 0) usedExceptions.add(exception);
            if (reported >= 0) usedReported.add(reported);
            if (relation === 'same') {
              const tally = counts.get(scanner) ?? { tp: 0, fp: 0, fn: 0, tn: 0 };
              if (input.label === 'fail') tally[flagged ? 'tp' : 'fn'] += 1;
              else tally[flagged ? 'fp' : 'tn'] += 1;
              counts.set(scanner, tally);
            }
            const agrees = flagged === (input.label === 'fail');
            if (bound(relation, input.label) && typeof verdict !== 'string') {
              const tally = boundCounts.get(scanner) ?? { bound: 0, agreed: 0 };
              tally.bound += 1;
              if (agrees) tally.agreed += 1;
              boundCounts.set(scanner, tally);
            }
            const listed = exception >= 0 ? 'EXCEPTIONS' : reported >= 0 ? 'REPORTED' : undefined;
            if (listed) {
              if (typeof verdict !== 'string' && (agrees || !bound(relation, input.label))) wrong.push(`${input.file}: listed in ${listed} but ${id} no longer disagrees as the ${relation} relation forbids`);
            } else if (typeof verdict === 'string') {
              wrong.push(`${input.file}: ${verdict}`);
            } else if (bound(relation, input.label) && !agrees) {
              wrong.push(`${input.file}: the peer ${input.label === 'fail' ? 'reports it' : 'passes it'}, ${id} ${flagged ? 'reports it' : 'does not'}`);
            }
          }
          expect(wrong, `${key} ${relation} ${id}`).toEqual([]);
        });
      }
    });
  }

  it('lists no exception that matches no vendored input and mapping', () => {
    const unused = EXCEPTIONS.filter((_, index) => !usedExceptions.has(index)).map((exception) => `${exception.scanner} ${exception.rule} ${exception.check} ${exception.file}`);
    expect(unused).toEqual([]);
    const unusedReported = REPORTED.filter((_, index) => !usedReported.has(index)).map((entry) => `${entry.scanner} ${entry.rule} ${entry.check} ${entry.file}`);
    expect(unusedReported).toEqual([]);
  });

  afterAll(() => {
    for (const scanner of [...new Set(inputs.map((input) => input.scanner))].sort()) {
      const vendored = inputs.filter((input) => input.scanner === scanner).length;
      const tally = counts.get(scanner);
      const bounded = boundCounts.get(scanner);
      if (bounded) console.log(`peer agreement ${scanner}: ${bounded.agreed} of ${bounded.bound} inputs bound by a same, narrower or broader relation decided as the peer does (${((100 * bounded.agreed) / bounded.bound).toFixed(1)} %)`);
      if (!tally) {
        console.log(`peer agreement ${scanner}: ${vendored} inputs, no same mappings`);
        continue;
      }
      const precision = tally.tp + tally.fp === 0 ? 1 : tally.tp / (tally.tp + tally.fp);
      const recall = tally.tp + tally.fn === 0 ? 1 : tally.tp / (tally.tp + tally.fn);
      console.log(
        `peer agreement ${scanner}: ${vendored} inputs; same mappings: precision ${precision.toFixed(3)} recall ${recall.toFixed(3)} (tp ${tally.tp}, fp ${tally.fp}, fn ${tally.fn}, tn ${tally.tn})`,
      );
    }
  });
});
