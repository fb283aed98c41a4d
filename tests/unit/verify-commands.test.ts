import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { readArtifact } from '../../src/artifacts/artifact.ts';
import { validateContent } from '../../src/integrity/validate.ts';

/**
 * The commands a reader copies from a control-plane check page really run: each
 * `kubectl -n kube-system get pods -l … -o json | jq -r '…'` is fed every fixture pod of that
 * component in the project (the pass and fail fixtures of all checks), as the API server would
 * return them, and must print one line per pod in the `name=value` words its expected output
 * describes. A jq typo, or a command and its expected text drifting apart, fails here instead of
 * on a reader's cluster.
 */
const root = join(import.meta.dirname, '..', '..');
const { graph } = validateContent(root, { rules: [] });
const checksDir = join(root, 'content', 'checks');
const fixtureFiles = readdirSync(checksDir, { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .flatMap((entry) => ['pass', 'fail'].flatMap((verdict) => {
    try {
      return readdirSync(join(checksDir, entry.name, verdict)).map((name) => join('content', 'checks', entry.name, verdict, name));
    } catch {
      return [];
    }
  }));

const POD_QUERY = /^\s*kubectl -n kube-system get pods -l (?:'([^']+)'|(\S+)) -o json \| jq -r '(.+)'\s*$/;
const jq = spawnSync('jq', ['--version'], { encoding: 'utf8' });
const jqMissing = jq.error !== undefined || jq.status !== 0;

/** The component names a label selector picks: `component=x` or `component in (x,y)`. */
function selectedComponents(selector: string): string[] {
  const equals = /^component=([\w-]+)$/.exec(selector);
  if (equals?.[1]) return [equals[1]];
  const set = /^component in \(([\w,-]+)\)$/.exec(selector);
  if (set?.[1]) return set[1].split(',');
  throw new Error(`selector ${selector} is neither component=x nor component in (x,y)`);
}

/** The fixture's pods of those components, as items of the List kubectl prints. */
function podList(fixture: string, components: readonly string[]): Record<string, unknown>[] {
  const result = readArtifact(fixture, readFileSync(join(root, fixture), 'utf8'));
  if (result.status !== 'read' || result.artifact.kind !== 'kubernetes') return [];
  return [...result.artifact.objects]
    .filter((object) => object.kind === 'Pod')
    .map((object) => object.value)
    .filter((pod) => {
      // kubectl selects by label; a fixture without the label is matched by what it runs.
      const labels = (pod.metadata as { labels?: Record<string, string> } | undefined)?.labels;
      if (labels?.component) return components.includes(labels.component);
      const first = ((pod.spec as { containers?: { name?: string; command?: unknown[] }[] } | undefined)?.containers ?? [])[0];
      const binary = String(first?.command?.[0] ?? '').split('/').pop() ?? '';
      return components.includes(binary) || components.includes(first?.name ?? '');
    });
}

const cases = graph.checks.flatMap((check) =>
  check.data.command.split('\n').flatMap((line) => {
    const match = POD_QUERY.exec(line);
    if (!match) return [];
    const components = selectedComponents(match[1] ?? match[2] ?? '');
    const fixtures = fixtureFiles.filter((fixture) => podList(fixture, components).length > 0);
    return [{ id: check.data.id, program: match[3] ?? '', components, fixtures, expected: `${check.data.expected.pass} ${check.data.expected.fail}` }];
  }),
);

describe('verify commands of control-plane checks run on their fixtures', () => {
  it('finds the commands to run (at least 25)', () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
  });

  it('has jq to run them (CI installs it)', () => {
    if (jqMissing && !process.env.CI) console.warn('jq is not installed: the verify-command runs below are skipped (install jq to run them)');
    expect(jqMissing && Boolean(process.env.CI)).toBe(false);
  });

  for (const testCase of cases) {
    it.skipIf(jqMissing)(`${testCase.id}: one line per pod, in the words its expected output uses`, () => {
      expect(testCase.fixtures.length, `${testCase.id} has a fixture pod of ${testCase.components.join(' or ')}`).toBeGreaterThan(0);
      for (const fixture of testCase.fixtures) {
        const pods = podList(fixture, testCase.components);
        const run = spawnSync('jq', ['-r', testCase.program], { input: JSON.stringify({ kind: 'List', items: pods }), encoding: 'utf8' });
        expect(run.stderr, `${testCase.id} on ${fixture}`).toBe('');
        expect(run.status, `${testCase.id} on ${fixture}`).toBe(0);
        const lines = run.stdout.trimEnd().split('\n');
        expect(lines, `${testCase.id} on ${fixture}`).toHaveLength(pods.length);
        for (const line of lines) {
          const keys = [...line.matchAll(/(?:^|\s)([A-Za-z][\w-]*)=/g)].map((key) => key[1]);
          for (const key of keys) expect(testCase.expected, `${testCase.id}: "${key}=" printed for ${fixture} (${line}) appears in its expected output`).toContain(`${key}=`);
        }
      }
    });
  }
});
