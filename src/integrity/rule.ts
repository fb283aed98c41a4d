import type { RuleContext } from './context.ts';
import type { Problem } from './problem.ts';

export type ProblemDraft = Omit<Problem, 'rule'>;

/** An integrity rule: a name people can search for, what it enforces, and the check itself. */
export interface IntegrityRule {
  name: string;
  description: string;
  run(context: RuleContext): ProblemDraft[];
}
