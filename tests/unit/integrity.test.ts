import { rmSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { FixtureContent } from './helpers/fixture-content.ts';
import { checkFloors } from '../../src/integrity/floors.ts';
import { formatAnnotation, formatProblem } from '../../src/integrity/problem.ts';

const RISK = 'risks/bh-r-004-fixture-container.mdx';
const MITIGATION = 'mitigations/bh-m-004-fixture-container.mdx';
const CHECK = 'checks/bh-ck-004-fixture-container/index.mdx';
const MAPPINGS = 'mappings/fixture.yaml';
const CONCEPT = 'concepts/bh-co-001-fixture-capabilities.mdx';
const INCIDENT = 'incidents/bh-in-001-fixture-runc.mdx';

let fixture: FixtureContent | undefined;
function content(): FixtureContent {
  fixture = new FixtureContent();
  return fixture;
}
afterEach(() => fixture?.dispose());

describe('the fixture content set', () => {
  it('is valid as shipped', () => {
    expect(content().validate().problems).toEqual([]);
  });
});

describe('integrity rules', () => {
  it('rejects an unknown reference with file, field, value and a suggestion', () => {
    const set = content();
    set.edit(RISK, 'mitigations: [BH-M-004]', 'mitigations: [BH-M-044]');
    const [problem] = set.validate().problems.filter((item) => item.rule === 'unknown-reference');
    expect(problem).toMatchObject({ file: `content/${RISK}`.replace(/^/, ''), field: 'mitigations[0]', value: 'BH-M-044', line: 8 });
    expect(problem?.file.endsWith(RISK)).toBe(true);
    expect(problem?.suggestion).toBe('did you mean "BH-M-004"?');
  });

  it('points an old alias to the current ID', () => {
    const set = content();
    set.edit(RISK, 'incidents: [BH-IN-001]', 'incidents: [runc-exe-overwrite]');
    const problem = set.validate().problems.find((item) => item.rule === 'unknown-reference');
    expect(problem?.suggestion).toBe('use the current ID "BH-IN-001"');
  });

  it('rejects a reference to an entry of the wrong type', () => {
    const set = content();
    set.edit(RISK, 'concepts: [BH-CO-001]', 'concepts: [BH-M-001]');
    expect(set.validate().problems.find((item) => item.rule === 'unknown-reference')?.message).toBe('"BH-M-001" is a mitigation, not a concept');
  });

  it('rejects duplicate IDs', () => {
    const set = content();
    set.edit(MITIGATION, 'id: BH-M-004', 'id: BH-M-003');
    const problems = set.validate().problems.filter((item) => item.rule === 'duplicate-id');
    expect(problems.map((item) => item.value)).toContain('BH-M-003');
  });

  it('rejects an alias equal to another entry’s ID and duplicate aliases', () => {
    const set = content();
    set.edit(RISK, 'title: Privileged container', 'title: Privileged container\naliases: [BH-R-001, runc-exe-overwrite]');
    const problems = set.validate().problems.filter((item) => item.rule === 'duplicate-id');
    expect(problems.map((item) => item.message)).toEqual(
      expect.arrayContaining([expect.stringContaining('is the ID of another entry'), expect.stringContaining('is also an alias of')]),
    );
  });

  it('rejects a risk with no mitigation and a mitigation with no check', () => {
    const set = content();
    set.edit(RISK, 'mitigations: [BH-M-004]', 'mitigations: []');
    set.edit(MITIGATION, 'checks: [BH-CK-004]', 'checks: []');
    const rules = set.validate().problems.map((item) => item.rule);
    expect(rules).toContain('risk-without-mitigation');
    expect(rules).toContain('mitigation-without-check');
  });

  it('rejects a check that no mitigation lists, naming the check file and its ID', () => {
    const set = content();
    set.edit(MITIGATION, 'checks: [BH-CK-004]', 'checks: [BH-CK-001]');
    const orphan = set.validate().problems.find((item) => item.rule === 'check-without-mitigation');
    expect(orphan?.file).toContain(CHECK);
    expect(orphan?.value).toBe('BH-CK-004');
  });

  it('rejects an entry without citations and a citation to an unknown source', () => {
    const set = content();
    set.edit(CHECK, /citations:\n {2}- source: k8s-pod-security-standards\n/, 'citations: []\n');
    set.edit(RISK, 'source: nist-sp-800-190', 'source: nist-800-190');
    const problems = set.validate().problems;
    expect(problems.find((item) => item.rule === 'missing-citation')?.file).toContain('bh-ck-004');
    expect(problems.find((item) => item.rule === 'unknown-source')).toMatchObject({ field: 'citations[0].source', value: 'nist-800-190', suggestion: 'did you mean "nist-sp-800-190"?' });
  });

  it('rejects scanner rule IDs that are not catalogued and asks for the canonical spelling', () => {
    const set = content();
    set.edit(MAPPINGS, '  KSV-0017:', '  KSV017:\n    related: [BH-R-004]\n  KSV-9999:');
    const problems = set.validate().problems.filter((item) => item.rule === 'scanner-mappings');
    expect(problems).toHaveLength(2);
    expect(problems[0]).toMatchObject({ field: 'trivy.KSV017', value: 'KSV017', suggestion: 'write the canonical ID "KSV-0017"', line: 8 });
    expect(problems[1]).toMatchObject({ field: 'trivy.KSV-9999', value: 'KSV-9999' });
    expect(problems[1]?.message).toContain('is not a Trivy rule');
  });

  it('asks for what differs whenever a scanner rule is not the same as the check', () => {
    const set = content();
    set.edit(MAPPINGS, "      - id: BH-CK-004\n        relation: same\nkubescape:", "      - id: BH-CK-004\n        relation: narrower\nkubescape:");
    const [problem] = set.validate().problems.filter((item) => item.rule === 'scanner-mappings');
    expect(problem).toMatchObject({ field: 'trivy.KSV-0017.checks[0].difference', value: 'narrower', line: 11 });
    expect(problem?.message).toContain('needs a difference');
  });

  it('rejects a mapping to an entry of the wrong type, a rule answered twice, and mapped-and-out-of-scope', () => {
    const set = content();
    set.edit(MAPPINGS, '      - id: BH-CK-001\n', '      - id: BH-R-001\n');
    set.edit(MAPPINGS, 'kubescape:\n  C-0057:\n', 'kubescape:\n  C-0057:\n    outOfScope: A reason that is long enough to be a sentence.\n');
    set.write('mappings/second.yaml', 'checkov:\n  CKV_K8S_16:\n    related: [BH-R-004]\n');
    const problems = set.validate().problems.filter((item) => item.rule === 'scanner-mappings');
    expect(problems.map((problem) => problem.field).sort()).toEqual(['checkov.CKV_K8S_16', 'kubescape.C-0057.outOfScope', 'trivy.DS-0001.checks[0].id']);
    expect(problems.find((problem) => problem.field === 'checkov.CKV_K8S_16')?.message).toContain('already answered in');
    expect(problems.find((problem) => problem.field.endsWith('.id'))).toMatchObject({ value: 'BH-R-001', suggestion: 'list it under related' });
  });

  it('rejects a stage other than the five', () => {
    const set = content();
    set.edit(RISK, 'stage: container', 'stage: containers');
    expect(set.validate().problems.find((item) => item.rule === 'stages')).toMatchObject({ field: 'stage', value: 'containers', suggestion: 'did you mean "container"?' });
  });

  it('rejects malformed dates', () => {
    const set = content();
    set.edit(RISK, 'updated: 2026-11-24', 'updated: 2026-02-30');
    expect(set.validate().problems.find((item) => item.rule === 'schema')).toMatchObject({ field: 'updated', message: expect.stringContaining('malformed date "2026-02-30"') });
  });

  it('rejects framework IDs that are not in the catalogs', () => {
    const set = content();
    set.edit(RISK, '"K01:2022"', 'K01');
    const problem = set.validate().problems.find((item) => item.rule === 'unknown-framework-id');
    expect(problem).toMatchObject({ field: 'frameworks.owaspK8s[0]', value: 'K01', suggestion: 'name the edition: "K01:2022" or "K01:2025"' });
  });

  it('rejects a concept identifier that is another entry’s ID', () => {
    const set = content();
    set.edit('concepts/bh-co-001-fixture-capabilities.mdx', 'identifiers: [CAP_SYS_ADMIN, SYS_ADMIN]', 'identifiers: [CAP_SYS_ADMIN, SYS_ADMIN, bh-r-004]');
    expect(set.validate().problems.find((item) => item.rule === 'duplicate-identifier')).toMatchObject({ field: 'identifiers[2]', value: 'bh-r-004', message: '"bh-r-004" is already BH-R-004' });
  });

  it('requires the sections of a risk body', () => {
    const set = content();
    set.edit(RISK, '## Detection', '## How to detect');
    expect(set.validate().problems.find((item) => item.rule === 'body-sections')?.value).toBe('## Detection');
  });

  it('requires an Inspect it section on a concept page', () => {
    const set = content();
    set.edit(CONCEPT, '## Inspect it', '## Try it');
    const problems = set.validate().problems.filter((item) => item.file.endsWith(CONCEPT));
    expect(problems).toEqual([expect.objectContaining({ rule: 'body-sections', field: '(body)', value: '## Inspect it', message: 'missing section "## Inspect it"' })]);
  });

  it('requires a ```sh or ```console block inside the Inspect it section, not elsewhere on the page', () => {
    const set = content();
    set.edit(CONCEPT, '```sh\n', '```yaml\n');
    set.edit(CONCEPT, 'Fixture concept body.', 'Fixture concept body.\n\n```sh\ncapsh --print\n```');
    const [problem, ...rest] = set.validate().problems;
    expect(rest).toEqual([]);
    expect(problem).toMatchObject({ rule: 'inspect-commands', field: '(body)', value: '## Inspect it', line: 18, message: 'section "## Inspect it" has no fenced ```sh or ```console code block' });
    expect(problem?.file.endsWith(CONCEPT)).toBe(true);
  });

  it('accepts a ```console block, and a shell comment inside it does not end the section', () => {
    const set = content();
    set.edit(CONCEPT, '## Inspect it\n\n```sh\n', '## Inspect it\n\n```text\n## not a heading\n```\n\n```console\n$ ');
    expect(set.validate().problems).toEqual([]);
  });

  it('rejects an incident that no risk lists, and one that no mitigation answers', () => {
    const set = content();
    set.edit(RISK, 'incidents: [BH-IN-001]', 'incidents: []');
    const problems = set.validate().problems.filter((item) => item.rule === 'incident-links');
    expect(problems.map((item) => item.message)).toEqual(['no risk lists this incident, so it illustrates nothing in the threat model', 'no mitigation answers this incident, directly or through its risks']);
    for (const problem of problems) expect(problem).toMatchObject({ field: 'id', value: 'BH-IN-001', line: 2 });
    expect(problems[0]?.file.endsWith(INCIDENT)).toBe(true);
  });

  it('counts a mitigation that lists the incident itself, but still asks for a risk', () => {
    const set = content();
    set.edit(RISK, 'incidents: [BH-IN-001]', 'incidents: []');
    set.edit(MITIGATION, 'checks: [BH-CK-004]', 'checks: [BH-CK-004]\nincidents: [BH-IN-001]');
    expect(set.validate().problems.map((item) => `${item.rule}: ${item.message}`)).toEqual(['incident-links: no risk lists this incident, so it illustrates nothing in the threat model']);
  });

  it('accepts an incident whose mitigations come through the risk that lists it', () => {
    const set = content();
    expect(set.read(MITIGATION)).not.toContain('BH-IN-001');
    expect(set.validate().problems.filter((item) => item.rule === 'incident-links')).toEqual([]);
  });

  it('needs an incident to be dated and cited (the schema and missing-citation already say so)', () => {
    const set = content();
    set.edit(INCIDENT, 'disclosed: 2019-02-11\n', '');
    set.edit(INCIDENT, /citations:\n {2}- source: nist-sp-800-190\n/, 'citations: []\n');
    const problems = set.validate().problems;
    expect(problems.find((item) => item.field === 'disclosed')?.message).toMatch(/^required field is missing/);
    // An entry that fails its schema leaves the graph, so restore the date to see the citation rule.
    set.edit(INCIDENT, 'component: runc\n', 'component: runc\ndisclosed: 2019-02-11\n');
    expect(set.validate().problems.find((item) => item.rule === 'missing-citation')?.file.endsWith(INCIDENT)).toBe(true);
  });

  it('rejects MDX imports, JSX such as <script>, and expressions in a body, naming each line', () => {
    const set = content();
    set.edit(RISK, '## Mechanism', "import Tracker from 'https://evil.example/t.js';\n\n<script>alert(1)</script>\n\nRuns {Tracker.id} here.\n\n## Mechanism");
    const problems = set.validate().problems.filter((item) => item.rule === 'mdx-body');
    expect(problems.map((item) => item.value)).toEqual(["import Tracker from 'https://evil.example/t.js';", '<script>alert(1)</script>', '{Tracker.id}']);
    expect(problems.map((item) => item.message)).toEqual(['an MDX import or export is not allowed in an entry body', 'an MDX JSX element is not allowed in an entry body', 'an MDX expression is not allowed in an entry body']);
    const lines = problems.map((item) => item.line ?? 0);
    expect(lines[0]).toBeGreaterThan(20);
    expect(lines.map((line) => line - (lines[0] ?? 0))).toEqual([0, 2, 4]);
  });

  it('rejects links and images that are not http, https, mailto or relative, however they are spelled', () => {
    const set = content();
    const hostile = [
      '[a](javascript:alert(1))',
      '[b](JaVaScRiPt:alert(1))',
      '[c](&#106;avascript:alert(1))',
      '[d][ref]',
      '![e](vbscript:msgbox)',
      '[f](data:text/html,<b>x</b>)',
      '[ref]: data:text/html;base64,PHNjcmlwdD4=',
    ];
    const safe = ['[g](https://kubernetes.io/)', '[h](mailto:security@example.com)', '[i](/risks/bh-r-001/)', '[j](#mechanism)', '[k](../concepts/)'];
    set.edit(RISK, '## Mechanism', `${[...hostile, ...safe].join('\n\n')}\n\n## Mechanism`);
    const problems = set.validate().problems.filter((item) => item.rule === 'mdx-body');
    expect(problems.map((item) => item.value)).toEqual(['javascript:alert(1)', 'JaVaScRiPt:alert(1)', 'javascript:alert(1)', 'vbscript:msgbox', 'data:text/html,<b>x</b>', 'data:text/html;base64,PHNjcmlwdD4=']);
    expect(problems[0]?.suggestion).toContain('http, https or mailto');
  });

  it('refuses diagram sources that could become markup, naming each line', () => {
    const set = content();
    set.edit(RISK, 'attackPath: |\n  flowchart LR\n', 'attackPath: |\n  flowchart LR\n    %%{init: {"securityLevel": "loose"}}%%\n    click A href "https://evil.example/"\n    X["<form action=https://evil.example><input type=password></form>"]\n    Y["<img src=x>"] --> Z["safe<br/>label"]\n');
    const problems = set.validate().problems.filter((item) => item.rule === 'diagram-safety');
    expect(problems.length).toBeGreaterThanOrEqual(4);
    expect(problems.map((item) => item.message).join('\n')).toMatch(/init directive[\s\S]*click line[\s\S]*HTML in a label/);
    expect(problems.every((item) => item.field === 'attackPath' && (item.line ?? 0) > 1)).toBe(true);
    expect(problems.some((item) => item.value?.includes('br'))).toBe(false);
  });

  it('accepts MDX comments, which render to nothing', () => {
    const set = content();
    set.edit(RISK, '## Mechanism', '{/* reviewed against CIS 5.2.1 */}\n\n## Mechanism');
    expect(set.validate().problems.filter((item) => item.rule === 'mdx-body')).toEqual([]);
  });

  it('reports a body that is not valid MDX with its line instead of failing the build later', () => {
    const set = content();
    set.edit(RISK, '## Mechanism', 'Set the value to {unclosed.\n\n## Mechanism');
    const problem = set.validate().problems.find((item) => item.rule === 'mdx-body');
    expect(problem?.message).toMatch(/^the body is not valid MDX: /);
    expect(problem?.line).toBeGreaterThan(20);
  });

  it('reports every problem of a run, not only the first', () => {
    const set = content();
    set.edit(RISK, 'mitigations: [BH-M-004]', 'mitigations: [BH-M-404]');
    set.edit(MITIGATION, 'checks: [BH-CK-004]', 'checks: [BH-CK-404]');
    set.edit(CHECK, 'updated: 2026-11-24', 'updated: yesterday');
    expect(set.validate().problems.length).toBeGreaterThanOrEqual(3);
  });

  it('reports a file whose frontmatter is not valid YAML and still checks the others', () => {
    const set = content();
    set.edit(RISK, 'severity: critical', 'severity: [critical');
    set.edit(MITIGATION, 'checks: [BH-CK-004]', 'checks: [BH-CK-404]');
    const rules = set.validate().problems.map((item) => item.rule);
    expect(rules).toContain('parse');
    expect(rules).toContain('unknown-reference');
  });

  it('requires fixtures beside an automated check’s rule', () => {
    const set = content();
    set.write('checks/bh-ck-004-fixture-container/rule.ts', 'export {};\n');
    const problems = set.validate().problems.filter((item) => item.rule === 'automation-fixtures');
    expect(problems.map((item) => item.field)).toEqual(['pass/', 'fail/']);
    rmSync(set.path('checks/bh-ck-004-fixture-container/rule.ts'));
  });
});

describe('content floors', () => {
  it('hold the knowledge base to at least 40 concepts and 20 incidents', () => {
    const { graph, counts } = content().validate();
    const floorOf = (collection: string, tally: typeof counts) => checkFloors(graph, tally).find((problem) => problem.rule === 'content-floor' && problem.file === `content/${collection}`);
    expect(floorOf('concepts', counts)?.message).toBe(`${counts.concepts} concepts, the knowledge base promises at least 40`);
    expect(floorOf('incidents', counts)?.message).toBe(`${counts.incidents} incidents, the knowledge base promises at least 20`);
    const atFloor = { ...counts, concepts: 40, incidents: 20 };
    expect(floorOf('concepts', atFloor)).toBeUndefined();
    expect(floorOf('incidents', atFloor)).toBeUndefined();
  });
});

describe('problem output', () => {
  const problem = { rule: 'unknown-reference', file: 'content/risks/a.mdx', field: 'mitigations[2]', value: 'BH-M-9', message: 'unknown mitigation "BH-M-9"', suggestion: 'did you mean "BH-M-009"?', line: 7 };
  it('reads as one line naming file, line, field, value and suggestion', () => {
    expect(formatProblem(problem)).toBe('content/risks/a.mdx:7: mitigations[2]: unknown mitigation "BH-M-9" (did you mean "BH-M-009"?) [unknown-reference]');
  });
  it('becomes a GitHub Actions annotation on the changed line', () => {
    expect(formatAnnotation(problem)).toBe('::error file=content/risks/a.mdx,line=7,title=Bulkhead unknown-reference::mitigations[2]: unknown mitigation "BH-M-9" (did you mean "BH-M-009"?)');
  });
});
