import { spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { FixtureContent } from './helpers/fixture-content.ts';

let fixture: FixtureContent | undefined;
afterEach(() => fixture?.dispose());

function scaffold(root: string, args: string[]) {
  return spawnSync(process.execPath, ['scripts/new.ts', ...args, '--root', root], { encoding: 'utf8', input: '' });
}

describe('npm run new', () => {
  it('writes a risk with the next free ID that validates once its prompts are replaced', () => {
    fixture = new FixtureContent();
    const result = scaffold(fixture.root, ['risk', '--title', 'Kernel keyring exposed', '--summary', 'Containers share the host kernel keyring unless it is namespaced.', '--cite', 'nist-sp-800-190', '--stage', 'host', '--severity', 'medium', '--mitigations', 'BH-M-005']);
    expect(result.stderr).toBe('');
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('BH-R-007');
    const file = join(fixture.root, 'content', 'risks', 'bh-r-007-kernel-keyring-exposed.mdx');
    const before = fixture.validate().problems;
    expect(before.map((problem) => problem.rule)).toContain('unwritten-scaffold');
    expect(before.every((problem) => problem.rule === 'unwritten-scaffold')).toBe(true);
    writeFileSync(file, readFileSync(file, 'utf8').replace(/\{\/\* bulkhead:write: ([^*]+) \*\/\}/g, 'Written: $1.'));
    expect(fixture.validate().problems).toEqual([]);
  });

  it('never reuses an ID that was published, even after its entry is gone', () => {
    fixture = new FixtureContent();
    mkdirSync(join(fixture.root, 'tests'));
    writeFileSync(join(fixture.root, 'tests', 'urls.lock'), '# lock\n/checks/bh-ck-041/\n');
    const result = scaffold(fixture.root, ['check', '--title', 'Keyring not shared', '--summary', 'Checks that the container cannot read the host keyring.', '--cite', 'nist-sp-800-190', '--environments', 'host', '--severity', 'low']);
    expect(result.stdout).toContain('BH-CK-042');
  });

  it('never hands out the ID of an entry whose frontmatter is broken, and check:content names the clash', () => {
    fixture = new FixtureContent();
    // BH-R-006 exists in the fixture set; break its schema so it drops out of the graph.
    fixture.edit('risks/bh-r-006-fixture-retired.mdx', /^severity: \w+$/m, 'severity: severe');
    const args = ['risk', '--title', 'Kernel keyring exposed', '--summary', 'Containers share the host kernel keyring unless it is namespaced.', '--cite', 'nist-sp-800-190', '--stage', 'host', '--severity', 'medium'];
    const result = scaffold(fixture.root, args);
    expect(result.status).toBe(0);
    expect(result.stdout).toContain('BH-R-007');
    fixture.write('risks/bh-r-099-copy.mdx', fixture.read('risks/bh-r-006-fixture-retired.mdx').replace(/^severity: severe$/m, 'severity: low'));
    const clash = fixture.validate().problems.find((problem) => problem.rule === 'duplicate-id');
    expect(clash).toMatchObject({ field: 'id', value: 'BH-R-006' });
    expect(clash?.message).toContain('fails its schema');
  });

  it('refuses control characters in a title and a title that leaves no file name', () => {
    fixture = new FixtureContent();
    const base = ['risk', '--summary', 'Containers share the host kernel keyring unless it is namespaced.', '--cite', 'nist-sp-800-190', '--stage', 'host', '--severity', 'medium'];
    const escaped = scaffold(fixture.root, [...base, '--title', 'Keyring\u001b[31m exposed']);
    expect(escaped.status).toBe(2);
    expect(escaped.stderr).toContain('control characters');
    const empty = scaffold(fixture.root, [...base, '--title', '日本語のタイトル']);
    expect(empty.status).toBe(2);
    expect(empty.stderr).toContain('needs at least one letter or digit');
    expect(fixture.validate().problems).toEqual([]);
  });

  it('asks for nothing and names the missing flags when stdin is not a terminal', () => {
    fixture = new FixtureContent();
    const result = scaffold(fixture.root, ['risk', '--title', 'Something']);
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('npm run new -- risk: missing --summary, --cite, --stage, --severity (stdin is not a terminal, so nothing is asked)');
  });

  it('rejects values the content model does not accept', () => {
    fixture = new FixtureContent();
    const result = scaffold(fixture.root, ['risk', '--title', 'X risk', '--summary', 'A summary that is long enough.', '--cite', 'nope', '--stage', 'kernel', '--severity', 'severe']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--stage kernel: use one of image, registry, orchestration, container, host');
    expect(result.stderr).toContain('--severity severe');
    expect(result.stderr).toContain('--cite nope');
  });
});
