/**
 * Adds links to Bulkhead's /ref/ pages into scanner reports, and changes nothing else.
 *
 * The report is not parsed into objects and written back: that rewrote numbers
 * (12345678901234567890, -0, 1.0, 1e400), collapsed duplicate keys and reordered numeric keys.
 * Instead json-skeleton.ts finds where each finding object is and which rule it names, and the
 * links are spliced into the original bytes there. Removing the inserted text gives the input
 * back byte for byte, BOM and whitespace included.
 *
 * Where each format carries the link (an existing value is never replaced, whatever its type):
 * - Trivy JSON: appended to the finding's `References` array; a new `References: [url]` when
 *   there is none; `BulkheadURL` when `References` is not an array. `PrimaryURL` stays Trivy's.
 * - Kubescape JSON: `bulkheadUrl` in each control (summaryDetails.controls and results[].controls).
 * - kube-bench JSON: `bulkhead_url` in each result.
 * - docker-bench JSON: `url` in each result, or `bulkhead_url` when `url` holds something else.
 * - Checkov JSON: `guideline` when the check has none, otherwise `bulkhead_guideline`.
 * - SARIF (Trivy, Kubescape, Checkov): in each rule, `helpUri` when it has none; `bulkheadUrl`,
 *   `bulkheadRelation` ("narrower", "out of scope", …) and `bulkheadManual` in its `properties`
 *   (a new `properties` when there is none; a new `bulkheadProperties` when `properties` is not
 *   an object, which SARIF forbids anyway); and "[Explained on Bulkhead](url)" at the end of
 *   `help.markdown`, which is what GitHub code scanning shows.
 * A finding that already carries its link is left alone, so linking a linked report changes nothing.
 */
import { isUtf8 } from 'node:buffer';
import { resolveScannerId } from '../catalogs/scanners.ts';
import { absoluteUrl, refPath } from '../model/urls.ts';
import type { ScannerKey } from '../model/vocabulary.ts';
import { JsonSyntaxError, lineAndColumn, readSkeleton, type ArrayNode, type Member, type ObjectNode, type Skeleton, type Want } from './json-skeleton.ts';
import { appendElement, appendMembers, appendToString, applyEdits, objectJson, type Edit, type JsonMember } from './splice.ts';
import { standingLabel, type StandingOf } from './standing.ts';

/** The finding formats the linker understands, as the scanners document them. */
export const FINDING_FORMATS = ['trivy-json', 'kubescape-json', 'kube-bench-json', 'docker-bench-json', 'checkov-json', 'sarif'] as const;
export type FindingFormat = (typeof FINDING_FORMATS)[number];

export interface LinkOptions {
  /** Skip detection and read the report as this format. */
  format?: FindingFormat;
  /** Bulkhead's standing of each rule, for SARIF properties; without it they carry the URL only. */
  standing?: StandingOf;
}

export interface LinkOutcome {
  format: FindingFormat;
  /** Findings (SARIF: rules) that got a link. */
  added: number;
  /** Findings that already carried their Bulkhead link, from an earlier run. */
  alreadyLinked: number;
  /** Findings left alone because every key their link could go under holds another value. */
  blocked: number;
  /** Rule IDs that no catalog knows, each once, in the order met; their findings are unchanged. */
  unknown: string[];
  /** The insertions, by offset into the input bytes: the only difference between input and output. */
  edits: Edit[];
}

export interface LinkedText extends LinkOutcome {
  text: string;
}

export interface LinkedBytes extends LinkOutcome {
  /** The output as slices of the input and inserted text, made as they are iterated; write them in order. */
  chunks: Iterable<Buffer>;
}

/** A report the linker cannot read: the message is one line, without the file name. */
export class LinkInputError extends Error {}

/** The Bulkhead page of a rule ID as a scanner printed it, or undefined when it is not catalogued. */
export function bulkheadUrlFor(scanner: ScannerKey, printedId: string): string | undefined {
  const rule = resolveScannerId(scanner, printedId);
  return rule ? absoluteUrl(refPath(scanner, rule.id)) : undefined;
}

// ---------------------------------------------------------------------------------------------
// What to keep of a report: every format's paths to its findings and the keys read or added
// there, merged into one tree so one pass serves detection and linking. Each path to findings
// belongs to one format, so findings can be planned as they are read, before the format is known.

/** The findings the JSON formats link, each planned the moment its object closes. */
type FindingKind = 'trivy' | 'kubescape' | 'kube-bench' | 'docker-bench' | 'checkov';

interface Spec {
  readonly members?: Readonly<Record<string, Spec>>;
  /** Every other member (maps keyed by rule ID). */
  readonly any?: Spec;
  readonly finding?: FindingKind;
  /** Only a path to findings: forgotten once read (see Want.transient). */
  readonly transient?: true;
}

/** Keys whose type and short text are kept. */
const keys = (...names: string[]): Readonly<Record<string, Spec>> => Object.fromEntries(names.map((name) => [name, {}]));

const KUBESCAPE_CONTROL: Spec = { finding: 'kubescape', members: keys('controlID', 'bulkheadUrl') };
const CHECKOV_CHECK: Spec = { finding: 'checkov', members: keys('check_id', 'guideline', 'bulkhead_guideline') };
const SARIF_BAG: Spec = { members: keys('bulkheadUrl') };
const REPORT_SPEC: Spec = {
  members: {
    // Detection only.
    ...keys('version', 'SchemaVersion', 'resources', 'dockerbenchsecurity', 'checks', 'check_type'),
    // Trivy JSON.
    Results: { transient: true, members: { Misconfigurations: { finding: 'trivy', members: { ...keys('AVDID', 'ID', 'BulkheadURL'), References: {} } } } },
    // Kubescape JSON (summaryDetails.controls is keyed by control ID) and Checkov JSON share `results`.
    summaryDetails: { transient: true, members: { controls: { transient: true, any: KUBESCAPE_CONTROL } } },
    results: { transient: true, members: { controls: KUBESCAPE_CONTROL, failed_checks: CHECKOV_CHECK, passed_checks: CHECKOV_CHECK, skipped_checks: CHECKOV_CHECK } },
    // kube-bench JSON.
    Controls: { transient: true, members: { tests: { transient: true, members: { results: { finding: 'kube-bench', members: keys('test_number', 'bulkhead_url') } } } } },
    // docker-bench JSON.
    tests: { transient: true, members: { results: { finding: 'docker-bench', members: keys('id', 'url', 'bulkhead_url') } } },
    // SARIF: rules are linked after reading, once their run's tool name is known.
    runs: { members: { tool: { members: { driver: { members: { ...keys('name'), rules: { members: { ...keys('id', 'helpUri'), properties: SARIF_BAG, bulkheadProperties: SARIF_BAG, help: { members: keys('markdown') } } } } } } } } },
  },
};

function wantOf(spec: Spec): Want {
  const members = spec.members ? new Map(Object.entries(spec.members).map(([key, child]) => [key, wantOf(child)])) : undefined;
  return {
    ...(members ? { members } : {}),
    ...(spec.any ? { anyMember: wantOf(spec.any) } : {}),
    ...(spec.finding ? { finding: spec.finding } : {}),
    ...(spec.transient ? { transient: true } : {}),
  };
}

const REPORT_WANT = wantOf(REPORT_SPEC);

// ---------------------------------------------------------------------------------------------
// Reading the kept tree. With duplicate keys, values are read from the last one, as JSON.parse
// and most consumers do; findings are looked for under every one, so none is missed.

function lastMember(node: ObjectNode, key: string): Member | undefined {
  for (let index = node.members.length - 1; index >= 0; index--) if (node.members[index]?.key === key) return node.members[index];
  return undefined;
}

const has = (node: ObjectNode, key: string): boolean => node.members.some((member) => member.key === key);
const textOf = (node: ObjectNode, key: string): string | undefined => lastMember(node, key)?.text;
const objectOf = (member: Member | undefined): ObjectNode | undefined => (member?.node?.kind === 'object' ? member.node : undefined);
const arrayOf = (member: Member | undefined): ArrayNode | undefined => (member?.node?.kind === 'array' ? member.node : undefined);

/** The objects reached by following `path`: an array at a step contributes each of its objects. */
function objectsAt(start: readonly ObjectNode[], ...path: string[]): readonly ObjectNode[] {
  let level = start;
  for (const key of path) {
    level = level.flatMap((node) => node.members.filter((member) => member.key === key).flatMap((member) => (member.node?.kind === 'array' ? member.node.objects : member.node ? [member.node] : [])));
  }
  return level;
}

/** Which scanner wrote a report, from its top-level keys, as each scanner documents its output. */
export function detectFormat(skeleton: Skeleton): FindingFormat | undefined {
  const root = skeleton.root;
  if (root?.kind === 'object') {
    if (lastMember(root, 'runs')?.type === 'array' && textOf(root, 'version')?.startsWith('2.1')) return 'sarif';
    if (has(root, 'SchemaVersion') && has(root, 'Results')) return 'trivy-json';
    if (lastMember(root, 'summaryDetails')?.type === 'object' || (has(root, 'results') && has(root, 'resources'))) return 'kubescape-json';
    if (lastMember(root, 'Controls')?.type === 'array') return 'kube-bench-json';
    if (has(root, 'dockerbenchsecurity') || (lastMember(root, 'tests')?.type === 'array' && has(root, 'checks'))) return 'docker-bench-json';
    if (has(root, 'check_type') && lastMember(root, 'results')?.type === 'object') return 'checkov-json';
  }
  // `checkov -o json` over several frameworks prints a list of reports; only kept objects are listed, so all must be.
  if (root?.kind === 'array' && root.objects.length === root.count && root.objects.every((block) => has(block, 'check_type'))) return 'checkov-json';
  return undefined;
}

// ---------------------------------------------------------------------------------------------
// Planning the insertions.

type Outcome = 'added' | 'already' | 'blocked';

interface Rule {
  canonical: string;
  url: string;
}

/**
 * Collects the insertions for one format of one report. Catalogued IDs are resolved once each and
 * unknown ones kept in a Set: listing them in an array searched per finding took over a minute
 * for 100,000.
 */
class Planner {
  readonly edits: Edit[] = [];
  readonly unknown = new Set<string>();
  readonly counts = { added: 0, already: 0, blocked: 0 };
  standing: StandingOf | undefined;
  private readonly known = new Map<ScannerKey, Map<string, Rule>>();
  private readonly texts = new Map<string, string>();
  readonly bytes: Buffer;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  /** The catalogued rule a finding names, or undefined; an unknown ID is noted once. */
  ruleOf(scanner: ScannerKey, id: string | undefined): Rule | undefined {
    if (!id) return undefined;
    const rule = this.resolve(scanner, id);
    if (!rule) this.unknown.add(id);
    return rule;
  }

  count(outcome: Outcome): void {
    this.counts[outcome]++;
  }

  private resolve(scanner: ScannerKey, id: string): Rule | undefined {
    // One report is one scanner's, except SARIF with several runs: rules are kept per scanner.
    let known = this.known.get(scanner);
    if (!known) this.known.set(scanner, (known = new Map()));
    let rule = known.get(id);
    if (!rule) {
      const found = resolveScannerId(scanner, id);
      if (!found) return undefined;
      rule = { canonical: found.id, url: absoluteUrl(refPath(scanner, found.id)) };
      known.set(id, rule);
    }
    return rule;
  }

  /** Keeps one copy of each inserted text: a large report repeats the same few thousand times. */
  private add(edit: Edit): void {
    let text = this.texts.get(edit.text);
    if (text === undefined) this.texts.set(edit.text, (text = edit.text));
    this.edits.push({ offset: edit.offset, text });
  }

  /** Adds `key: json` under the first candidate key that is free; one holding `url` means done already. */
  addMember(node: ObjectNode, candidates: readonly string[], json: string, url: string): Outcome {
    for (const key of candidates) {
      const existing = lastMember(node, key);
      if (existing?.text === url) return 'already';
      if (!existing) {
        this.add(appendMembers(this.bytes, node, [[key, json]]));
        return 'added';
      }
    }
    return 'blocked';
  }

  /**
   * Whether a list holds `text` as one of its strings, looked up in the raw bytes: decoding every
   * reference of every finding to find our own URL was a good part of the time of a large report.
   * A URL needs no escape, so its JSON form is its text in quotes.
   */
  private holdsString(list: ArrayNode, text: string): boolean {
    const quoted = JSON.stringify(text);
    const elements = this.bytes.subarray(list.start, list.end);
    for (let at = elements.indexOf(quoted); at !== -1; at = elements.indexOf(quoted, at + 1)) {
      // Inside a longer string the opening quote would be escaped.
      if (elements[at - 1] !== 0x5c) return true;
    }
    return false;
  }

  appendUrl(list: ArrayNode, url: string): Outcome {
    if (this.holdsString(list, url)) return 'already';
    this.add(appendElement(this.bytes, list, JSON.stringify(url)));
    return 'added';
  }

  appendMarkdown(markdown: Member, url: string): Outcome {
    // The raw bytes are searched, not the decoded text: a URL needs no JSON escape.
    if (this.bytes.subarray(markdown.valueStart, markdown.valueEnd).includes(url)) return 'already';
    this.add(appendToString(markdown.valueEnd, `\n\n[Explained on Bulkhead](${url})`));
    return 'added';
  }

  appendMembers(node: ObjectNode, members: readonly JsonMember[]): void {
    if (members.length > 0) this.add(appendMembers(this.bytes, node, members));
  }

  /** The SARIF property bag of a rule: its page and, when known, how it compares with Bulkhead. */
  bag(scanner: ScannerKey, rule: Rule): JsonMember[] {
    const standing = this.standing?.(scanner, rule.canonical);
    return [
      ['bulkheadUrl', JSON.stringify(rule.url)],
      ...(standing ? [['bulkheadRelation', JSON.stringify(standingLabel(standing))] as const] : []),
      ...(standing?.manual ? [['bulkheadManual', 'true'] as const] : []),
    ];
  }
}

function linkTrivyFinding(plan: Planner, finding: ObjectNode): void {
  const rule = plan.ruleOf('trivy', textOf(finding, 'AVDID') ?? textOf(finding, 'ID'));
  if (!rule) return;
  const { url } = rule;
  const references = lastMember(finding, 'References');
  const list = arrayOf(references);
  if (list) plan.count(plan.appendUrl(list, url));
  else plan.count(references ? plan.addMember(finding, ['BulkheadURL'], JSON.stringify(url), url) : plan.addMember(finding, ['References'], `[${JSON.stringify(url)}]`, url));
}

/** The JSON formats that add one member to the finding, under the first free key of `candidates`. */
function linkByMember(plan: Planner, scanner: ScannerKey, finding: ObjectNode, id: string | undefined, candidates: readonly string[]): void {
  const rule = plan.ruleOf(scanner, id);
  if (rule) plan.count(plan.addMember(finding, candidates, JSON.stringify(rule.url), rule.url));
}

/** A Kubescape control; in summaryDetails.controls its key is the control ID when it has no controlID. */
function linkKubescapeControl(plan: Planner, control: ObjectNode, key: string | undefined): void {
  linkByMember(plan, 'kubescape', control, textOf(control, 'controlID') ?? key, ['bulkheadUrl']);
}

function linkKubeBenchResult(plan: Planner, result: ObjectNode): void {
  linkByMember(plan, 'kube-bench', result, textOf(result, 'test_number'), ['bulkhead_url']);
}

function linkDockerBenchResult(plan: Planner, result: ObjectNode): void {
  linkByMember(plan, 'docker-bench', result, textOf(result, 'id'), ['url', 'bulkhead_url']);
}

function linkCheckovCheck(plan: Planner, check: ObjectNode): void {
  linkByMember(plan, 'checkov', check, textOf(check, 'check_id'), ['guideline', 'bulkhead_guideline']);
}

const FINDING_LINKERS: Record<FindingKind, { format: FindingFormat; link: (plan: Planner, node: ObjectNode, key: string | undefined) => void }> = {
  trivy: { format: 'trivy-json', link: linkTrivyFinding },
  kubescape: { format: 'kubescape-json', link: linkKubescapeControl },
  'kube-bench': { format: 'kube-bench-json', link: linkKubeBenchResult },
  'docker-bench': { format: 'docker-bench-json', link: linkDockerBenchResult },
  checkov: { format: 'checkov-json', link: linkCheckovCheck },
};

const isFindingKind = (kind: string): kind is FindingKind => kind in FINDING_LINKERS;

/** Which scanner wrote a SARIF run, from its tool name. */
function scannerOfSarifRun(run: ObjectNode): ScannerKey | undefined {
  const tool = objectOf(lastMember(run, 'tool'));
  const driver = tool ? objectOf(lastMember(tool, 'driver')) : undefined;
  const name = (driver ? textOf(driver, 'name') : undefined)?.toLowerCase() ?? '';
  if (name.includes('trivy')) return 'trivy';
  if (name.includes('kubescape')) return 'kubescape';
  if (name.includes('checkov')) return 'checkov';
  return undefined;
}

/** A SARIF rule's property bag: into `properties`, or beside it when `properties` cannot take members. */
function linkSarifBag(plan: Planner, rule: ObjectNode, bag: JsonMember[], url: string): { outcome: Outcome; ruleMembers: JsonMember[] } {
  const properties = lastMember(rule, 'properties');
  if (!properties) return { outcome: 'added', ruleMembers: [['properties', objectJson(plan.bytes, rule, bag)]] };
  const target = objectOf(properties) ?? objectOf(lastMember(rule, 'bulkheadProperties'));
  if (target) {
    const existing = lastMember(target, 'bulkheadUrl');
    if (existing) return { outcome: existing.text === url ? 'already' : 'blocked', ruleMembers: [] };
    plan.appendMembers(target, bag);
    return { outcome: 'added', ruleMembers: [] };
  }
  if (has(rule, 'bulkheadProperties')) return { outcome: 'blocked', ruleMembers: [] };
  return { outcome: 'added', ruleMembers: [['bulkheadProperties', objectJson(plan.bytes, rule, bag)]] };
}

function linkSarifRule(plan: Planner, scanner: ScannerKey, rule: ObjectNode, found: Rule): Outcome {
  const { url } = found;
  const bag = linkSarifBag(plan, rule, plan.bag(scanner, found), url);
  const ruleMembers: JsonMember[] = [...(has(rule, 'helpUri') ? [] : [['helpUri', JSON.stringify(url)] as const]), ...bag.ruleMembers];
  plan.appendMembers(rule, ruleMembers);
  const help = objectOf(lastMember(rule, 'help'));
  const markdown = help ? lastMember(help, 'markdown') : undefined;
  const outcomes: Outcome[] = [bag.outcome, ...(ruleMembers.length > 0 ? ['added' as const] : []), ...(markdown?.type === 'string' ? [plan.appendMarkdown(markdown, url)] : [])];
  if (outcomes.includes('added')) return 'added';
  return outcomes.includes('already') || textOf(rule, 'helpUri') === url ? 'already' : 'blocked';
}

/** SARIF rules wait for the whole text: a driver's `name` may come after its `rules`. */
function linkSarif(plan: Planner, root: readonly ObjectNode[]): void {
  for (const run of objectsAt(root, 'runs')) {
    const scanner = scannerOfSarifRun(run);
    if (!scanner) continue;
    for (const rule of objectsAt([run], 'tool', 'driver', 'rules')) {
      const found = plan.ruleOf(scanner, textOf(rule, 'id'));
      if (found) plan.count(linkSarifRule(plan, scanner, rule, found));
    }
  }
}

// ---------------------------------------------------------------------------------------------
// Entry points.

/** A report read and recognised, its JSON-format findings planned, ready to link. */
export interface ReadReport {
  skeleton: Skeleton;
  format: FindingFormat;
  /** Planners by format: findings are planned while reading, the detected format's are used. */
  planners: ReadonlyMap<FindingFormat, Planner>;
}

const UTF16_BOMS = [Buffer.from([0xff, 0xfe]), Buffer.from([0xfe, 0xff])];

export function checkEncoding(bytes: Buffer): void {
  if (UTF16_BOMS.some((bom) => bytes.subarray(0, 2).equals(bom))) throw new LinkInputError('UTF-16 text; JSON reports must be UTF-8 (convert with iconv -f UTF-16 -t UTF-8)');
  if (!isUtf8(bytes)) throw new LinkInputError('not UTF-8 text; JSON reports must be UTF-8');
}

/**
 * Checks the bytes are UTF-8 JSON, finds the findings and plans their links; throws
 * LinkInputError with a one-line reason otherwise. Invalid UTF-8 is refused rather than passed
 * through: it is not JSON, and a reader that replaced it would not give back the input's bytes.
 */
export function readReport(input: Uint8Array, format?: FindingFormat): ReadReport {
  const bytes = Buffer.isBuffer(input) ? input : Buffer.from(input.buffer, input.byteOffset, input.byteLength);
  checkEncoding(bytes);
  const planners = new Map<FindingFormat, Planner>();
  const planner = (of: FindingFormat): Planner => {
    let plan = planners.get(of);
    if (!plan) planners.set(of, (plan = new Planner(bytes)));
    return plan;
  };
  let skeleton: Skeleton;
  try {
    skeleton = readSkeleton(bytes, REPORT_WANT, (kind, node, key) => {
      if (!isFindingKind(kind)) return;
      const linker = FINDING_LINKERS[kind];
      linker.link(planner(linker.format), node, key);
    });
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new LinkInputError(`not JSON: ${error.message} at ${lineAndColumn(bytes, error.offset)}`);
    throw error;
  }
  const found = format ?? detectFormat(skeleton);
  if (!found) throw new LinkInputError(`not output of a known scanner; pass --format (${FINDING_FORMATS.join(', ')})`);
  return { skeleton, format: found, planners };
}

/**
 * The planned links of a report spliced in. Findings under a root list count only for Checkov,
 * whose list of reports is the one list form a scanner prints.
 */
export function linkRead(report: ReadReport, options: Pick<LinkOptions, 'standing'> = {}): LinkedBytes {
  const { skeleton, format } = report;
  const rootIsList = skeleton.root?.kind === 'array';
  const plan = (rootIsList && format !== 'checkov-json' ? undefined : report.planners.get(format)) ?? new Planner(skeleton.bytes);
  if (format === 'sarif' && skeleton.root?.kind === 'object') {
    plan.standing = options.standing;
    linkSarif(plan, [skeleton.root]);
  }
  return {
    format,
    added: plan.counts.added,
    alreadyLinked: plan.counts.already,
    blocked: plan.counts.blocked,
    unknown: [...plan.unknown],
    edits: plan.edits,
    chunks: applyEdits(skeleton.bytes, plan.edits),
  };
}

/** linkReport for bytes: the output as chunks, so a report of hundreds of MB is never copied whole. */
export function linkReportBytes(bytes: Uint8Array, options: LinkOptions = {}): LinkedBytes {
  return linkRead(readReport(bytes, options.format), options);
}

/**
 * The linker's core: the report with a Bulkhead link added to each finding whose rule is
 * catalogued, and nothing else changed. Throws LinkInputError for input it cannot link.
 */
export function linkReport(text: string, options: LinkOptions = {}): LinkedText {
  // A lone surrogate has no UTF-8 form: encoding would replace it and change the input.
  if (!text.isWellFormed()) throw new LinkInputError('text with a lone UTF-16 surrogate, which has no UTF-8 form');
  const { chunks, ...outcome } = linkReportBytes(Buffer.from(text, 'utf8'), options);
  // Nothing to add (a report of unknown rules): the input is the output, no need to copy it.
  return { ...outcome, text: outcome.edits.length === 0 ? text : Buffer.concat([...chunks]).toString('utf8') };
}
