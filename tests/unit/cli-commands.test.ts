/**
 * The subcommands of the repository's CLI: the command list, usage errors, `rules` in text and
 * JSON, `--version`, `link` wired to the linker, `check --skip-unrecognised`, and a knowledge base
 * passed in (as the npm package does) instead of the repository's content.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { KnowledgeBase, RulesDocument } from '../../src/cli/knowledge-base.ts';
import { main } from '../../src/cli/main.ts';
import { runLinkCommand } from '../../src/linker/command.ts';
import { SEVERITIES } from '../../src/model/vocabulary.ts';
import { defineRule } from '../../src/rules/api.ts';
import type { RunnableCheck } from '../../src/rules/engine.ts';

const root = join(import.meta.dirname, '..', '..');
const privilegedFixture = join(root, 'content', 'checks', 'bh-ck-002-k8s-no-privileged-pods', 'fail', 'deployment.yaml');

async function cli(argv: string[], knowledgeBase?: KnowledgeBase) {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd: root, env: {}, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readStdin: () => Buffer.alloc(0), isTty: false }, knowledgeBase);
  return { code, stdout, stderr };
}

describe('bulkhead: commands', () => {
  it('--help lists check, rules and link; each command has its own --help', async () => {
    const help = await cli(['--help']);
    expect(help.code).toBe(0);
    expect(help.stdout).toMatch(/^Usage: bulkhead COMMAND/);
    for (const command of ['check PATH...', 'rules', 'link [REPORT]']) expect(help.stdout).toContain(`\n  ${command}`);
    expect((await cli(['check', '--help'])).stdout).toMatch(/^Usage: bulkhead check \[options\] PATH\.\.\./);
    expect((await cli(['rules', '--help'])).stdout).toMatch(/^Usage: bulkhead rules \[--format text\|json\]/);
    expect((await cli(['link', '--help'])).stdout).toMatch(/^usage: bulkhead link /);
  });

  it('no command or an unknown one: the usage on standard error, nothing on standard output, exit 2', async () => {
    const usage = (await cli(['--help'])).stdout;
    for (const [argv, message] of [[[], 'no command given'], [['frobnicate'], 'unknown command "frobnicate" (expected check, rules, link, report)'], [['\u001b[31mred'], 'unknown command "\\x1b[31mred" (expected check, rules, link, report)']] as const) {
      const run = await cli([...argv]);
      expect(run.code).toBe(2);
      expect(run.stdout).toBe('');
      expect(run.stderr).toBe(`bulkhead: ${message}\n\n${usage}`);
    }
  });

  it('rules lists every automated check; --format json gives the metadata reports are made of', async () => {
    const text = await cli(['rules']);
    expect(text.code).toBe(0);
    const count = Number(/(\d+) automated checks\n$/.exec(text.stdout)?.[1]);
    expect(count).toBeGreaterThan(100);
    const json = await cli(['rules', '--format', 'json']);
    expect(json.code).toBe(0);
    const document = JSON.parse(json.stdout) as RulesDocument;
    expect(document).toMatchObject({ tool: 'bulkhead', version: 1, siteUrl: 'https://bulkhead.dev' });
    expect(document.checks).toHaveLength(count);
    const privileged = document.checks.find((check) => check.id === 'BH-CK-002');
    expect(privileged).toMatchObject({
      title: expect.any(String),
      severity: 'critical',
      verifies: expect.any(String),
      command: expect.any(String),
      expected: { pass: expect.any(String), fail: expect.any(String) },
      kinds: ['kubernetes'],
      riskIds: expect.arrayContaining(['BH-R-001']),
      scannerRelations: expect.arrayContaining([{ scanner: 'trivy', id: 'KSV-0017', relation: 'narrower', manual: false }]),
      path: '/checks/bh-ck-002/',
      url: 'https://bulkhead.dev/checks/bh-ck-002/',
    });
    for (const check of document.checks) {
      expect(SEVERITIES).toContain(check.severity);
      expect(check.url).toBe(`https://bulkhead.dev${check.path}`);
      expect(Object.keys(check)).not.toContain('rule');
    }
  });

  it('rules: a bad --format or an argument is a usage error with a pointer to rules --help', async () => {
    for (const argv of [['rules', '--format', 'xml'], ['rules', 'extra']]) {
      const run = await cli(argv);
      expect(run.code).toBe(2);
      expect(run.stderr).toMatch(/^bulkhead: .+\nRun "bulkhead rules --help" for usage\.\n$/);
    }
  });

  it('--version: the package version and the knowledge-base commit and date', async () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    const run = await cli(['--version']);
    expect(run.code).toBe(0);
    expect(run.stdout).toMatch(new RegExp(`^bulkhead ${version.replaceAll('.', '\\.')}, knowledge base ([0-9a-f]{12} of \\d{4}-\\d{2}-\\d{2}( with uncommitted changes)?|of unknown commit)\\n$`));
  });

  it('link runs the linker command: same output and messages as runLinkCommand', async () => {
    const report = join(root, 'tests', 'fixtures', 'findings', 'trivy.json');
    const viaCli = await cli(['link', report]);
    let stdout = '';
    let stderr = '';
    const code = await runLinkCommand({ argv: [report], cwd: root, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readStdin: () => Buffer.alloc(0) });
    expect(viaCli).toEqual({ code, stdout, stderr });
    expect(viaCli.code).toBe(0);
    expect(viaCli.stdout).toContain('https://bulkhead.dev/ref/trivy/');
  });

  it('check --skip-unrecognised skips named files that are no container artifact instead of reporting them', async () => {
    const named = await cli(['check', 'package.json', privilegedFixture]);
    expect(named.code).toBe(2);
    expect(named.stderr).toContain('package.json: not a Kubernetes manifest');
    const skipped = await cli(['check', '--skip-unrecognised', 'package.json', privilegedFixture]);
    expect(skipped.stderr).toBe('');
    expect(skipped.code).toBe(1);
    expect(skipped.stdout).toContain('in 1 file checked, 1 skipped (not a container artifact)');
  });

  it('runs the checks of a knowledge base it is given, without reading content/', async () => {
    const check: RunnableCheck = {
      id: 'BH-CK-999',
      title: 'A test check',
      summary: 'A check that flags every Kubernetes object, for this test.',
      severity: 'high',
      verifies: 'Nothing at all, for the test.',
      environments: ['kubernetes'],
      command: 'true',
      expected: { pass: 'nothing', fail: 'nothing' },
      kinds: ['kubernetes'],
      riskIds: [],
      scannerRules: {},
      scannerRelations: [],
      path: '/checks/bh-ck-999/',
      url: 'https://bulkhead.dev/checks/bh-ck-999/',
      rule: defineRule({ kubernetes: () => [{ message: 'flagged', at: [] }] }),
    };
    const kb: KnowledgeBase = { version: '9.9.9', source: () => ({ commit: 'a'.repeat(40), date: '2026-01-02', modified: false }), siteUrl: () => 'https://bulkhead.dev', loadChecks: async () => [check], loadStanding: async () => undefined };
    const run = await cli(['check', '--format', 'json', privilegedFixture], kb);
    const report = JSON.parse(run.stdout) as { findings: { checkId: string }[]; summary: { checksRun: number } };
    expect(report.summary.checksRun).toBe(1);
    expect(report.findings.map((finding) => finding.checkId)).toEqual(['BH-CK-999']);
    expect((await cli(['--version'], kb)).stdout).toBe('bulkhead 9.9.9, knowledge base aaaaaaaaaaaa of 2026-01-02\n');
    const sarif = JSON.parse((await cli(['check', '--format', 'sarif', privilegedFixture], kb)).stdout) as { runs: { tool: { driver: { semanticVersion: string } } }[] };
    expect(sarif.runs[0]?.tool.driver.semanticVersion).toBe('9.9.9');
  });
});
