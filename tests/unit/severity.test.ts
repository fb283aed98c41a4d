import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';

const root = join(import.meta.dirname, '..', '..');
const fixtures = join(root, 'tests', 'fixtures', 'artifacts', 'severity');

interface JsonFinding {
  checkId: string;
  severity: string;
}

function findings(file: string): JsonFinding[] {
  const run = spawnSync(process.execPath, ['bin/bulkhead.mjs', 'check', '--format', 'json', join(fixtures, file)], { cwd: root, encoding: 'utf8' });
  expect(run.stdout, run.stderr).not.toBe('');
  return (JSON.parse(run.stdout) as { findings: JsonFinding[] }).findings;
}

// The rubric in CONTRIBUTING.md ("Severity") makes a severity mean something: these hold it to that.
describe('severity follows the rubric', () => {
  it('gives a hardened Deployment no finding at medium or above', () => {
    const serious = findings('hardened-deployment.yaml').filter((finding) => finding.severity !== 'low');
    expect(serious).toEqual([]);
  });

  it('calls nothing critical in a plain pod, which has no direct route to the host', () => {
    const all = findings('plain-pod.yaml');
    expect(all.length).toBeGreaterThan(0);
    expect(all.filter((finding) => finding.severity === 'critical')).toEqual([]);
  });

  it('calls a privileged container critical', () => {
    const privileged = findings(join('..', '..', '..', '..', 'content', 'checks', 'bh-ck-002-k8s-no-privileged-pods', 'fail', 'deployment.yaml'));
    expect(privileged.find((finding) => finding.checkId === 'BH-CK-002')?.severity).toBe('critical');
  });
});
