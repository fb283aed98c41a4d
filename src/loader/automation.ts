import { existsSync, readdirSync } from 'node:fs';
import { dirname, join } from 'node:path';
import type { CheckAutomation } from '../graph/entries.ts';

/** The anatomy of an automated check folder: rule.ts beside index.mdx, fixtures in pass/ and fail/. */
export const AUTOMATION_FILES = { rule: 'rule.ts', pass: 'pass', fail: 'fail' } as const;

function fixtures(folder: string): string[] {
  if (!existsSync(folder)) return [];
  return readdirSync(folder, { withFileTypes: true })
    .filter((item) => item.isFile() && !item.name.startsWith('.'))
    .map((item) => item.name)
    .sort();
}

/** Finds the machine rule of a check whose index.mdx is at `checkFile` (relative to rootDir). */
export function findAutomation(rootDir: string, checkFile: string): CheckAutomation | undefined {
  const folder = dirname(checkFile);
  if (!existsSync(join(rootDir, folder, AUTOMATION_FILES.rule))) return undefined;
  return {
    ruleFile: `${folder}/${AUTOMATION_FILES.rule}`,
    passFixtures: fixtures(join(rootDir, folder, AUTOMATION_FILES.pass)).map((name) => `${folder}/${AUTOMATION_FILES.pass}/${name}`),
    failFixtures: fixtures(join(rootDir, folder, AUTOMATION_FILES.fail)).map((name) => `${folder}/${AUTOMATION_FILES.fail}/${name}`),
  };
}
