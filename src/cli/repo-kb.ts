/**
 * The checks as this repository has them: content/ validated into the graph, rules imported from
 * content/checks/<id>/rule.ts. The npm package replaces this module with package-kb.ts.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { formatProblem } from '../integrity/problem.ts';
import { validateContent } from '../integrity/validate.ts';
import { siteUrl } from '../model/urls.ts';
import { threatModelData } from '../report/knowledge.ts';
import { loadAutomatedChecks } from '../rules/engine.ts';
import type { KnowledgeBase, KnowledgeBaseSource } from './knowledge-base.ts';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));

function packageVersion(): string {
  const manifest: unknown = JSON.parse(readFileSync(`${ROOT}package.json`, 'utf8'));
  return typeof manifest === 'object' && manifest !== null && 'version' in manifest ? String(manifest.version) : '0.0.0';
}

function git(args: readonly string[]): string | undefined {
  const result = spawnSync('git', ['-C', ROOT, ...args], { encoding: 'utf8', stdio: ['ignore', 'pipe', 'ignore'] });
  return result.status === 0 ? result.stdout : undefined;
}

/** The commit the working tree is at, and whether the knowledge base (content/, src/) differs from it. */
export function gitSource(): KnowledgeBaseSource | undefined {
  const head = git(['log', '-1', '--format=%H %cs']);
  const [commit, date] = head?.trim().split(' ') ?? [];
  if (!commit || !date) return undefined;
  const status = git(['status', '--porcelain', '--', 'content', 'src']);
  return { commit, date, modified: status === undefined || status.trim() !== '' };
}

export function repositoryKnowledgeBase(): KnowledgeBase {
  let source: KnowledgeBaseSource | undefined | null = null;
  // Reading content/ takes about two seconds: `report` needs it for the checks and the threat model, once.
  let validated: ReturnType<typeof validateContent> | undefined;
  const content = () => (validated ??= validateContent(ROOT, { rules: [] }));
  const reportProblems = (problems: ReturnType<typeof validateContent>['problems'], stderr: (text: string) => void) => {
    for (const problem of problems) stderr(`error: ${formatProblem(problem)}\n`);
  };
  return {
    version: packageVersion(),
    source: () => (source === null ? (source = gitSource()) : source),
    siteUrl,
    async loadChecks(stderr) {
      const { graph, problems } = content();
      if (problems.length > 0) {
        reportProblems(problems, stderr);
        return undefined;
      }
      return loadAutomatedChecks(graph, ROOT);
    },
    async loadThreatModel() {
      // Problems are written once, by loadChecks, which report calls too.
      const { graph, problems } = content();
      return problems.length > 0 ? undefined : threatModelData(graph);
    },
    async loadStanding() {
      const { loadStanding } = await import('../linker/load-standing.ts');
      return loadStanding(ROOT);
    },
  };
}
