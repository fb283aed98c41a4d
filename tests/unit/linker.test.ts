import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { linkReport, type FindingFormat, type LinkOptions } from '../../src/linker/link.ts';
import { loadStanding } from '../../src/linker/load-standing.ts';
import { applyEdits, textPieces } from '../../src/linker/splice.ts';
import { standingFromLinkMaps, standingLabel, type StandingOf } from '../../src/linker/standing.ts';
import { siteUrl } from '../../src/model/urls.ts';
import type { ScannerLinkRecord } from '../../src/refs/records.ts';
import { expectPatternRoundTrip, expectRoundTrip, removeAddedLinks } from './linker-support.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const FIXTURES = join(ROOT, 'tests', 'fixtures', 'findings');
const read = (name: string) => readFileSync(join(FIXTURES, name), 'utf8');
const REF = new RegExp(`^${siteUrl().replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}/ref/[a-z-]+/[a-z0-9._-]+/$`);

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const parse = (text: string): Json => JSON.parse(text.replace(/^\uFEFF/, '')) as Json;

/** Follows keys and indexes through parsed JSON; a missing step fails the test. */
function at(value: Json, ...path: (string | number)[]): Json {
  let current: Json = value;
  for (const step of path) {
    const next: Json | undefined = Array.isArray(current) && typeof step === 'number' ? current[step] : current !== null && typeof current === 'object' && !Array.isArray(current) && typeof step === 'string' ? current[step] : undefined;
    if (next === undefined) throw new Error(`no ${String(step)} in ${JSON.stringify(current).slice(0, 80)}`);
    current = next;
  }
  return current;
}

/** Each fixture, its format, and where the link of each finding ends up. */
const FIXTURE_CASES: [string, FindingFormat, (document: Json) => Json[]][] = [
  ['trivy.json', 'trivy-json', (document) => [at(document, 'Results', 0, 'Misconfigurations', 0, 'References', 2), at(document, 'Results', 0, 'Misconfigurations', 1, 'References', 1)]],
  ['trivy.sarif', 'sarif', (document) => [at(document, 'runs', 0, 'tool', 'driver', 'rules', 0, 'properties', 'bulkheadUrl')]],
  ['checkov.sarif', 'sarif', (document) => [at(document, 'runs', 0, 'tool', 'driver', 'rules', 0, 'properties', 'bulkheadUrl')]],
  ['kubescape.sarif', 'sarif', (document) => [0, 1].map((rule) => at(document, 'runs', 0, 'tool', 'driver', 'rules', rule, 'properties', 'bulkheadUrl'))],
  ['kubescape.json', 'kubescape-json', (document) => [...['C-0057', 'C-0017'].map((id) => at(document, 'summaryDetails', 'controls', id, 'bulkheadUrl')), ...[0, 1].map((control) => at(document, 'results', 0, 'controls', control, 'bulkheadUrl'))]],
  ['kube-bench.json', 'kube-bench-json', (document) => [0, 1].map((result) => at(document, 'Controls', 0, 'tests', 0, 'results', result, 'bulkhead_url'))],
  ['docker-bench.json', 'docker-bench-json', (document) => [0, 1].map((result) => at(document, 'tests', 0, 'results', result, 'url'))],
  ['checkov.json', 'checkov-json', (document) => [at(document, 'results', 'failed_checks', 0, 'bulkhead_guideline')]],
  ['checkov-list.json', 'checkov-json', (document) => [at(document, 0, 'results', 'failed_checks', 0, 'bulkhead_guideline'), at(document, 1, 'results', 'failed_checks', 0, 'guideline')]],
];

/** The same report as another tool might write it: compact, CRLF with a BOM, tab-indented. */
const VARIANTS: [string, (text: string) => string][] = [
  ['as written', (text) => text],
  ['compact', (text) => JSON.stringify(JSON.parse(text))],
  ['CRLF with a BOM', (text) => `\uFEFF${text.replace(/\n/g, '\r\n')}`],
  ['tab-indented', (text) => JSON.stringify(JSON.parse(text), null, '\t')],
];

let standing: StandingOf;
beforeAll(() => {
  standing = loadStanding(ROOT);
});

describe('linking scanner findings to Bulkhead', () => {
  it.each(FIXTURE_CASES)('%s: detects %s and links every finding to its /ref/ page', (name, format, links) => {
    const result = linkReport(read(name), { standing });
    expect(result.format).toBe(format);
    expect(result.unknown).toEqual([]);
    const urls = links(parse(result.text));
    expect(result.added).toBe(urls.length);
    for (const url of urls) expect(url).toMatch(REF);
  });

  describe.each(FIXTURE_CASES.map(([name]) => name))('%s round trip', (name) => {
    it.each(VARIANTS)('%s: removing the added links gives back the input byte for byte', (_variant, rewrite) => {
      const input = rewrite(read(name));
      const result = linkReport(input, { standing });
      expectPatternRoundTrip(input, result.text);
      expectRoundTrip(input, result);
    });
  });

  it('maps each printed spelling to the canonical rule page and keeps Trivy\'s own links', () => {
    const document = parse(linkReport(read('trivy.json')).text);
    const finding = at(document, 'Results', 0, 'Misconfigurations', 0);
    expect(at(finding, 'References')).toEqual(['https://kubernetes.io/docs/concepts/security/pod-security-standards/#baseline', 'https://avd.aquasec.com/misconfig/ksv017', `${siteUrl()}/ref/trivy/ksv-0017/`]);
    expect(at(finding, 'PrimaryURL')).toBe('https://avd.aquasec.com/misconfig/ksv017');
  });

  it('SARIF: the help GitHub shows ends with the Bulkhead link; helpUri is added only when missing', () => {
    const rule = at(parse(linkReport(read('trivy.sarif')).text), 'runs', 0, 'tool', 'driver', 'rules', 0);
    expect(at(rule, 'help', 'markdown')).toMatch(/\n\n\[Explained on Bulkhead\]\(https:\/\/[^)]+\/ref\/trivy\/ksv-0017\/\)$/);
    expect(at(rule, 'helpUri')).toBe('https://avd.aquasec.com/misconfig/ksv017');
    const added = parse(linkReport('{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Trivy", "rules": [{"id": "AVD-KSV-0017"}]}}}]}').text);
    expect(at(added, 'runs', 0, 'tool', 'driver', 'rules', 0, 'helpUri')).toBe(`${siteUrl()}/ref/trivy/ksv-0017/`);
  });

  it('linked SARIF stays valid SARIF 2.1.0', () => {
    const schema = JSON.parse(readFileSync(join(ROOT, 'tests', 'vendor', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(schema);
    for (const name of ['trivy.sarif', 'checkov.sarif', 'kubescape.sarif']) {
      expect(validate(parse(linkReport(read(name), { standing }).text)), `${name}: ${JSON.stringify(validate.errors)}`).toBe(true);
    }
  });

  it('linking a linked report changes nothing', () => {
    for (const [name] of FIXTURE_CASES) {
      const once = linkReport(read(name), { standing });
      const twice = linkReport(once.text, { standing });
      expect(twice.text, name).toBe(once.text);
      expect(twice.added, name).toBe(0);
      expect(twice.alreadyLinked, name).toBe(once.added);
    }
  });
});

describe('the relation of each rule to Bulkhead in SARIF properties', () => {
  const record = (canonical: string, fields: Pick<ScannerLinkRecord, 'status' | 'relation' | 'manual'>): ScannerLinkRecord => ({ canonical, url: '', title: '', mapped: fields.status === 'mapped', relations: [], risks: [], checks: [], mitigations: [], entries: [], ...fields });
  const sarif = (ids: string[]) => `{"version": "2.1.0", "runs": [{"tool": {"driver": {"name": "Checkov", "rules": [${ids.map((id) => `{"id": "${id}", "properties": {"tags": []}}`).join(', ')}]}}}]}`;
  const bags = (text: string, options: LinkOptions) => {
    const rules = at(parse(linkReport(text, options).text), 'runs', 0, 'tool', 'driver', 'rules');
    return Array.isArray(rules) ? rules.map((rule) => at(rule, 'properties')) : [];
  };

  it('says "narrower", "out of scope" or "unanswered" from the scanner link map, and marks manual items', () => {
    const maps = [{ scanner: 'checkov' as const, rules: { CKV_K8S_16: record('CKV_K8S_16', { status: 'mapped', relation: 'narrower', manual: false }), CKV_K8S_20: record('CKV_K8S_20', { status: 'out-of-scope', manual: false }), CKV_K8S_8: record('CKV_K8S_8', { status: 'unanswered', manual: true }) } }];
    const properties = bags(sarif(['CKV_K8S_16', 'CKV_K8S_20', 'CKV_K8S_8']), { standing: standingFromLinkMaps(maps) });
    expect(properties.map((bag) => at(bag, 'bulkheadRelation'))).toEqual(['narrower', 'out of scope', 'unanswered']);
    expect(properties.map((bag) => (bag !== null && typeof bag === 'object' && !Array.isArray(bag) ? bag.bulkheadManual : undefined))).toEqual([undefined, undefined, true]);
  });

  it('takes the relation from the knowledge base content, as /ref/<scanner>.json does', () => {
    const [bag] = bags(sarif(['CKV_K8S_16']), { standing });
    const expected = standing('checkov', 'CKV_K8S_16');
    expect(expected).toBeDefined();
    if (expected) expect(at(bag ?? null, 'bulkheadRelation')).toBe(standingLabel(expected));
  });

  it('without standings the bag carries the URL only', () => {
    const [bag] = bags(sarif(['CKV_K8S_16']), {});
    expect(bag).toEqual({ tags: [], bulkheadUrl: `${siteUrl()}/ref/checkov/ckv_k8s_16/` });
  });
});

describe('the link-findings command', () => {
  const run = (args: string[], input?: string) => spawnSync(process.execPath, ['scripts/link-findings.ts', ...args], { cwd: ROOT, encoding: 'utf8', ...(input === undefined ? {} : { input }) });

  it('runs as documented and reports what it linked', () => {
    const result = run([join(FIXTURES, 'kube-bench.json')]);
    expect(result.status).toBe(0);
    expect(at(parse(result.stdout), 'Controls', 0, 'tests', 0, 'results', 0, 'bulkhead_url')).toBe(`${siteUrl()}/ref/kube-bench/5.2.2/`);
    expect(result.stderr).toBe(`${join(FIXTURES, 'kube-bench.json')}: kube-bench-json, 2 findings linked to Bulkhead\n`);
    expectPatternRoundTrip(read('kube-bench.json'), result.stdout);
  });

  it('puts the relation into SARIF it links, read from the content', () => {
    const result = run([join(FIXTURES, 'trivy.sarif')]);
    expect(result.status).toBe(0);
    expect(at(parse(result.stdout), 'runs', 0, 'tool', 'driver', 'rules', 0, 'properties', 'bulkheadRelation')).toMatch(/^(same|narrower|broader|related|out of scope|unanswered)$/);
    expect(removeAddedLinks(result.stdout)).toBe(read('trivy.sarif'));
  });

  it('refuses input it does not recognise with a one-line error', () => {
    const result = run([], '{"hello": 1}');
    expect(result.status).toBe(2);
    expect(result.stdout).toBe('');
    expect(result.stderr).toBe('(stdin): not output of a known scanner; pass --format (trivy-json, kubescape-json, kube-bench-json, docker-bench-json, checkov-json, sarif)\n');
  });
});

describe('output for a writer that takes text (the CLI\'s)', () => {
  it('comes in pieces of about 1 MiB cut between characters, never one string of the whole report', () => {
    const text = `["${'é€😀'.repeat(300_000)}"]`;
    const bytes = Buffer.from(text);
    const pieces = [...textPieces(applyEdits(bytes, [{ offset: bytes.length - 1, text: ', "link"' }]))];
    expect(pieces.length).toBeGreaterThan(2);
    expect(pieces.every((piece) => Buffer.byteLength(piece) <= 1024 * 1024 && !piece.includes('\uFFFD'))).toBe(true);
    expect(pieces.join('')).toBe(`${text.slice(0, -1)}, "link"]`);
  });
});
