import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArtifact } from '../../src/artifacts/artifact.ts';
import { validateContent } from '../../src/integrity/validate.ts';
import { CheckRun, kindsOfRule, loadAutomatedChecks, runChecks, type AutomatedCheck } from '../../src/rules/engine.ts';

/**
 * The proof behind every automated check: each fail fixture produces that check's finding, each
 * pass fixture none. A check folder's fixtures are the rule's specification.
 */
const root = join(import.meta.dirname, '..', '..');
const { graph } = validateContent(root, { rules: [] });
const automated = await loadAutomatedChecks(graph, root);

function run(check: AutomatedCheck, fixture: string, shared?: CheckRun) {
  const result = readArtifact(fixture, readFileSync(join(root, fixture), 'utf8'));
  if (result.status !== 'read') throw new Error(`${fixture}: ${result.problems.map((problem) => problem.message).join('; ')}`);
  expect(result.problems, `${fixture} reads without input errors`).toEqual([]);
  expect(kindsOfRule(check.rule), `${check.check.data.id} has a handler for ${fixture}`).toContain(result.artifact.kind);
  return runChecks(result.artifact, [check], shared);
}

/** A fixture folder as one `bulkhead check` run: what rules over all objects of a run see. */
function runFolder(check: AutomatedCheck, fixtures: readonly string[]) {
  const shared = new CheckRun();
  const findings = fixtures.flatMap((fixture) => run(check, fixture, shared));
  return [...findings, ...shared.finish([check])];
}

describe('automated checks', () => {
  it('automates at least 30 checks', () => {
    expect(automated.length).toBeGreaterThanOrEqual(30);
  });

  for (const check of automated) {
    const { id } = check.check.data;
    const automation = check.check.automation;
    if (!automation) continue;
    describe(id, () => {
      for (const fixture of automation.failFixtures) {
        it(`reports ${fixture.split('/').slice(-2).join('/')}`, () => {
          const findings = run(check, fixture);
          expect(findings.length, `${fixture} must produce ${id}`).toBeGreaterThan(0);
          for (const finding of findings) {
            expect(finding.checkId).toBe(id);
            expect(finding.line, `${fixture}: every finding has a line`).toBeGreaterThan(0);
          }
        });
      }
      for (const fixture of automation.passFixtures) {
        it(`accepts ${fixture.split('/').slice(-2).join('/')}`, () => {
          expect(run(check, fixture).map((finding) => `${finding.line}: ${finding.message}`)).toEqual([]);
        });
      }
      // A rule over the whole run also sees each folder as one run: every fail fixture is still
      // reported in its own file, and the pass fixtures together stay clean.
      if (check.rule.kubernetesSet) {
        it('reports every fail fixture when the fail folder is one run', () => {
          const findings = runFolder(check, automation.failFixtures);
          for (const fixture of automation.failFixtures) expect(findings.filter((finding) => finding.file === fixture).length, `${fixture} must produce ${id} in a run with the others`).toBeGreaterThan(0);
        });
        it('accepts the pass folder as one run', () => {
          expect(runFolder(check, automation.passFixtures).map((finding) => `${finding.file}:${finding.line}: ${finding.message}`)).toEqual([]);
        });
      }
    });
  }
});
