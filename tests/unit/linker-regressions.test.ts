/**
 * Issue 17: `bulkhead link` must change nothing but the links it adds. One test per defect the
 * issue lists (the scale ones are in linker-scale.test.ts).
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLinkCommand, type LinkCommandIo, type LinkCommandOptions } from '../../src/linker/command.ts';
import { LinkInputError, linkReport } from '../../src/linker/link.ts';
import { siteUrl } from '../../src/model/urls.ts';
import { expectPatternRoundTrip, expectRoundTrip, trivyReport } from './linker-support.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const KSV017 = `${siteUrl()}/ref/trivy/ksv-0017/`;
const q = (text: string) => JSON.stringify(text);

/** Runs the command in-process; stdout is collected as text, stderr as lines. */
async function command(argv: string[], options: LinkCommandOptions & { stdin?: string | Buffer; readFile?: LinkCommandIo['readFile'] } = {}) {
  let stdout = '';
  let stderr = '';
  const io: LinkCommandIo = {
    argv,
    cwd: ROOT,
    stdout: (text) => (stdout += text),
    stderr: (text) => (stderr += text),
    readStdin: (limit) => Buffer.from(options.stdin ?? '').subarray(0, limit + 1),
    ...(options.readFile ? { readFile: options.readFile } : {}),
  };
  const code = await runLinkCommand(io, { loadStanding: async () => undefined, ...options });
  return { code, stdout, stderr };
}

const scratch = mkdtempSync(join(tmpdir(), 'bulkhead-link-'));
const file = (name: string, content: string | Buffer) => {
  const path = join(scratch, name);
  writeFileSync(path, content);
  return path;
};

describe('numbers are kept as written', () => {
  it('12345678901234567890, -0, 1.0 and 1e400 come out as they went in (JSON.parse made them 12345678901234567000, 0, 1 and null)', () => {
    const numbers = '[12345678901234567890, -0, 1.0, 1e400, -1.50E-7, 0.10]';
    const input = trivyReport(`{"ID": "KSV017", "CauseMetadata": {"StartLine": 1.0, "Numbers": ${numbers}}}`, ` "Big": ${numbers},`);
    const result = linkReport(input);
    expect(result.added).toBe(1);
    expect(result.text.split(numbers)).toHaveLength(3);
    expectRoundTrip(input, result);
  });
});

describe('duplicate keys and key order are kept', () => {
  it('duplicate keys stay duplicated; a duplicated rule ID is read from the last one, as JSON.parse reads it', () => {
    const input = trivyReport(`{"ID": "KSV999", "Severity": "HIGH", "Severity": "LOW", "ID": "KSV017"}`, ' "SchemaVersion": 3,');
    const result = linkReport(input);
    expect(result.text).toContain('"Severity": "HIGH", "Severity": "LOW"');
    expect(result.text).toContain(`"References": [${q(KSV017)}]`);
    expect(result.unknown).toEqual([]);
    expectRoundTrip(input, result);
  });

  it('numeric keys keep their order (JSON.parse put "2" before "10")', () => {
    const input = trivyReport(`{"ID": "KSV017", "Counts": {"10": "a", "2": "b", "1": "c"}}`, ' "ByLine": {"20": 1, "3": 2},');
    const result = linkReport(input);
    expect(result.text).toContain('{"10": "a", "2": "b", "1": "c"}');
    expect(result.text).toContain('{"20": 1, "3": 2}');
    expectRoundTrip(input, result);
  });
});

describe('References keep their duplicates and the scanner\'s own links', () => {
  it('the Bulkhead link is appended; duplicates and PrimaryURL stay as they were', () => {
    const input = trivyReport(`{"ID": "KSV017", "PrimaryURL": "https://avd.aquasec.com/misconfig/ksv017", "References": ["https://a.example/", "https://a.example/", "https://avd.aquasec.com/misconfig/ksv017"]}`);
    const result = linkReport(input);
    expect(result.text).toContain(`"References": ["https://a.example/", "https://a.example/", "https://avd.aquasec.com/misconfig/ksv017", ${q(KSV017)}]`);
    expect(result.text).toContain('"PrimaryURL": "https://avd.aquasec.com/misconfig/ksv017"');
    expectRoundTrip(input, result);
  });
});

describe('values of another type are never replaced: the link goes under a new key', () => {
  it.each([
    ['a number', '42'],
    ['null', 'null'],
    ['an object', '{"url": "https://avd.aquasec.com/"}'],
  ])('Trivy PrimaryURL holding %s is left alone', (_kind, value) => {
    const input = trivyReport(`{"ID": "KSV017", "PrimaryURL": ${value}, "References": []}`);
    const result = linkReport(input);
    expect(result.text).toContain(`"PrimaryURL": ${value}, "References": [${q(KSV017)}]`);
  });

  it.each([
    ['a string', '"https://avd.aquasec.com/misconfig/ksv017"'],
    ['null', 'null'],
    ['an object', '{"0": "x"}'],
  ])('Trivy References holding %s is left alone and the link goes to BulkheadURL', (_kind, value) => {
    const input = trivyReport(`{"ID": "KSV017", "References": ${value}}`);
    const result = linkReport(input);
    expect(result.text).toContain(`"References": ${value}, "BulkheadURL": ${q(KSV017)}`);
    expectRoundTrip(input, result);
  });

  it.each([
    ['a string', '"https://docs.example/old"'],
    ['a number', '7'],
    ['an object', '{"href": "x"}'],
  ])('Checkov upstream_guideline holding %s and guideline stay; the link goes to bulkhead_guideline', (_kind, value) => {
    const input = `{"check_type": "kubernetes", "results": {"failed_checks": [{"check_id": "CKV_K8S_16", "guideline": "https://docs.example/g", "upstream_guideline": ${value}}]}}`;
    const result = linkReport(input);
    expect(result.text).toContain(`"guideline": "https://docs.example/g", "upstream_guideline": ${value}, "bulkhead_guideline": ${q(`${siteUrl()}/ref/checkov/ckv_k8s_16/`)}`);
    expectRoundTrip(input, result);
  });

  it.each([
    ['a string', '"high"'],
    ['a list', '["a"]'],
    ['null', 'null'],
  ])('SARIF properties holding %s stay; the bag goes to bulkheadProperties', (_kind, value) => {
    const input = `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Trivy", "rules": [{"id": "AVD-KSV-0017", "helpUri": "https://avd.aquasec.com/", "properties": ${value}}]}}}]}`;
    const result = linkReport(input);
    expect(result.text).toContain(`"properties": ${value}, "bulkheadProperties": {"bulkheadUrl": ${q(KSV017)}}`);
    expectRoundTrip(input, result);
  });

  it('an empty SARIF properties object gets the bag inside it', () => {
    const input = '{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Trivy", "rules": [{"id": "AVD-KSV-0017", "properties": {}}]}}}]}';
    const result = linkReport(input);
    expect(result.text).toBe(input.replace('"properties": {}', `"properties": {"bulkheadUrl": ${q(KSV017)}}, "helpUri": ${q(KSV017)}`));
  });

  it('a key the link would go under that holds something else is kept, and the finding is counted as left alone', () => {
    const input = '{"Controls": [{"tests": [{"results": [{"test_number": "5.2.2", "bulkhead_url": "https://mirror.example/5.2.2"}]}]}]}';
    const result = linkReport(input);
    expect(result.text).toBe(input);
    expect(result.blocked).toBe(1);
    const docker = '{"dockerbenchsecurity": "1.6.0", "tests": [{"results": [{"id": "5.5", "url": "https://example.org/own"}]}]}';
    expect(linkReport(docker).text).toBe(docker.replace('"https://example.org/own"', `"https://example.org/own", "bulkhead_url": ${q(`${siteUrl()}/ref/docker-bench/5.5/`)}`));
  });
});

describe('deep nesting is read without recursion', () => {
  const deepArrays = `${'['.repeat(100_000)}${']'.repeat(100_000)}`;
  const deepObjects = `${'{"a": '.repeat(100_000)}1${'}'.repeat(100_000)}`;

  it('100,000 nested arrays and objects beside and inside findings are linked and kept', () => {
    const input = trivyReport(`{"ID": "KSV017", "Layer": ${deepArrays}, "References": []}`, ` "Deep": ${deepObjects},`);
    const result = linkReport(input);
    expect(result.added).toBe(1);
    expectRoundTrip(input, result);
  });

  it('an unclosed 100,000-deep report is one line naming the file, exit 2', async () => {
    const path = file('deep-unclosed.json', trivyReport('', ` "Deep": ${'['.repeat(100_000)},`));
    const result = await command([path]);
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toMatch(new RegExp(`^${path.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}: not JSON: unexpected ',' where a value was expected at line 1, column \\d+\\n$`));
  });

  it('the command prints no stack trace for deep input', () => {
    const path = file('deep.json', trivyReport(`{"ID": "KSV017", "Layer": ${deepArrays}}`));
    const result = spawnSync(process.execPath, ['scripts/link-findings.ts', path], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
    expect(result.status).toBe(0);
    expect(result.stderr).toBe(`${path}: trivy-json, 1 findings linked to Bulkhead\n`);
  });
});

describe('a byte order mark is accepted and kept', () => {
  it('linkReport keeps the BOM in front', () => {
    const input = `\uFEFF${trivyReport('{"ID": "KSV017"}')}`;
    const result = linkReport(input);
    expect(result.text.startsWith('\uFEFF{"SchemaVersion"')).toBe(true);
    expectRoundTrip(input, result);
  });

  it('the command links a report saved with a BOM and writes the BOM back', async () => {
    const input = `\uFEFF${trivyReport('{"ID": "KSV017"}')}`;
    const result = await command([file('bom.json', input)]);
    expect(result.code).toBe(0);
    expectPatternRoundTrip(input, result.stdout);
  });
});

describe('a second file argument is refused, not ignored', () => {
  it('usage line and exit 2, nothing linked', () => {
    const one = file('one.json', trivyReport('{"ID": "KSV017"}'));
    const two = file('two.json', trivyReport('{"ID": "KSV011"}'));
    const result = spawnSync(process.execPath, ['scripts/link-findings.ts', one, two], { cwd: ROOT, encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(2);
    expect(lines[0]).toContain(`one report at a time, got 2 (${one}, ${two})`);
    expect(lines[1]).toMatch(/^usage: npm run -s link-findings -- \[--format [a-z|-]+\] \[FILE\]/);
  });
});

describe('every bad input is one line naming the input, exit 2, never a stack trace', () => {
  mkdirSync(join(scratch, 'a-directory'), { recursive: true });
  const denied = (): Buffer => {
    throw Object.assign(new Error('EACCES: permission denied'), { code: 'EACCES' });
  };
  const cases: [string, () => Promise<{ code: number; stdout: string; stderr: string }>, string][] = [
    ['a missing file', () => command([join(scratch, 'missing.json')]), `${join(scratch, 'missing.json')}: cannot read: no such file`],
    ['a directory', () => command([join(scratch, 'a-directory')]), `${join(scratch, 'a-directory')}: is a directory, not a report`],
    ['an unreadable file', () => command([file('locked.json', '{}')], { readFile: denied }), `${join(scratch, 'locked.json')}: cannot read: permission denied`],
    ['an empty file', () => command([file('empty.json', '')]), `${join(scratch, 'empty.json')}: not JSON: no JSON value (the input is empty) at line 1, column 1`],
    ['whitespace only', () => command([], { stdin: ' \n\t\n' }), '(stdin): not JSON: no JSON value (the input is empty) at line 3, column 1'],
    ['broken JSON', () => command([file('broken.json', '{"SchemaVersion": 2,\n "Results": [1,]}')]), `${join(scratch, 'broken.json')}: not JSON: unexpected ']' where a value was expected at line 2, column 16`],
    ['text after the JSON', () => command(['-'], { stdin: '{"Controls": []} {}' }), "(stdin): not JSON: unexpected '{' after the end of the JSON value at line 1, column 18"],
    ['UTF-16', () => command([file('utf16.json', Buffer.from(`\uFEFF${trivyReport('')}`, 'utf16le'))]), `${join(scratch, 'utf16.json')}: UTF-16 text; JSON reports must be UTF-8 (convert with iconv -f UTF-16 -t UTF-8)`],
    ['invalid UTF-8', () => command([file('latin1.json', Buffer.from(trivyReport('{"ID": "caf\u00e9"}'), 'latin1'))]), `${join(scratch, 'latin1.json')}: not UTF-8 text; JSON reports must be UTF-8`],
    ['not a scanner report', () => command([], { stdin: '[1, 2]' }), '(stdin): not output of a known scanner; pass --format (trivy-json, kubescape-json, kube-bench-json, docker-bench-json, checkov-json, sarif)'],
    ['standard input over the limit', () => command([], { stdin: ' '.repeat(1024 * 1024 + 1), maxBytes: 1024 * 1024 }), '(stdin): over the 1 MiB input limit'],
    ['a file over the limit', () => command([file('big.json', ' '.repeat(3 * 1024 * 1024))], { maxBytes: 2 * 1024 * 1024 }), `${join(scratch, 'big.json')}: file is 3 MiB, over the 2 MiB input limit`],
    ['an unknown --format', () => command(['--format', 'grype'], {}), '--format grype: unknown format'],
    ['an unknown option', () => command(['--fromat', 'sarif'], {}), "Unknown option '--fromat'"],
  ];
  it.each(cases)('%s', async (_name, run, message) => {
    const result = await run();
    expect(result.code).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr.split('\n')[0]).toContain(message);
    expect(result.stderr).not.toMatch(/\n\s+at /);
  });

  it('a control character in a file name is escaped, so the error stays one line', async () => {
    const result = await command(['bad\nname.json']);
    expect(result.stderr).toBe('bad\\nname.json: cannot read: no such file\n');
  });

  it('a lone surrogate has no UTF-8 form, so linkReport refuses it rather than change it', () => {
    expect(() => linkReport(trivyReport('{"ID": "\ud800"}'))).toThrow(LinkInputError);
  });
});
