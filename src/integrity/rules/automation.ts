import type { IntegrityRule, ProblemDraft } from '../rule.ts';

/** A machine rule is only trusted once fixtures prove it both fires and stays quiet. */
export const automationFixtures: IntegrityRule = {
  name: 'automation-fixtures',
  description: 'A check folder with a rule.ts also has at least one fixture in pass/ and one in fail/.',
  run(context) {
    return context.graph.checks.flatMap((check): ProblemDraft[] => {
      const automation = check.automation;
      if (!automation) return [];
      const problems: ProblemDraft[] = [];
      if (automation.passFixtures.length === 0) problems.push({ file: automation.ruleFile, field: 'pass/', message: 'the automated check has no pass fixture', suggestion: 'add a file under pass/ that the rule must accept' });
      if (automation.failFixtures.length === 0) problems.push({ file: automation.ruleFile, field: 'fail/', message: 'the automated check has no fail fixture', suggestion: 'add a file under fail/ that the rule must report' });
      return problems;
    });
  },
};
