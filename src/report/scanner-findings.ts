/**
 * Reads the findings of a scanner report for `bulkhead report`, with the linker's one-pass reader
 * (linker/json-skeleton.ts) and its format detection (linker/link.ts): one parser for reports in
 * the repository. The linker keeps rule IDs only; this keeps what a report row needs (file, line,
 * object, message) and which rules ran, including passed results where the format lists them.
 *
 * Memory: finding objects are handed over as they close and forgotten, and findings are kept
 * once per distinct (rule, file, object, line), so a large report costs its bytes plus its
 * distinct findings.
 */
import { detectFormat, checkEncoding, LinkInputError, type FindingFormat } from '../linker/link.ts';
import { JsonSyntaxError, lineAndColumn, readSkeleton, type Member, type ObjectNode, type Want } from '../linker/json-skeleton.ts';
import type { ScannerKey } from '../model/vocabulary.ts';
import { normaliseFile, objectFromCheckovResource, objectFromKubescapeId, objectFromTrivyMessage, type ObjectRef } from './identity.ts';

export interface ScannerFinding {
  scanner: ScannerKey;
  /** The rule ID as the report prints it. */
  ruleId: string;
  title?: string;
  file?: string;
  line?: number;
  object?: ObjectRef;
  message: string;
  /** The scanner asks a person to judge (kube-bench's WARN on a manual test): not evidence of presence. */
  manual?: boolean;
}

export interface ScannerReportRead {
  format: FindingFormat;
  findings: ScannerFinding[];
  /** Rules the report shows were evaluated: with findings, or passed where the format lists passes. */
  ran: { scanner: ScannerKey; ruleId: string }[];
  /** The format lists passed results too, so a rule without a finding may still have run. */
  listsPasses: boolean;
}

/** A Want from a compact description, as link.ts builds its own. */
interface Spec {
  readonly members?: Readonly<Record<string, Spec>>;
  readonly any?: Spec;
  readonly finding?: string;
  readonly transient?: true;
}
const keys = (...names: string[]): Readonly<Record<string, Spec>> => Object.fromEntries(names.map((name) => [name, {}]));

const KUBESCAPE_CONTROL: Spec = { finding: 'ks-control', members: { ...keys('controlID', 'name'), status: { members: keys('status') } } };
const CHECKOV_FAILED: Spec = { finding: 'ckv-failed', members: { ...keys('check_id', 'check_name', 'file_path', 'resource'), file_line_range: {} } };
const CHECKOV_PASSED: Spec = { finding: 'ckv-passed', members: keys('check_id') };
const REPORT_SPEC: Spec = {
  members: {
    // What detectFormat() reads.
    ...keys('version', 'SchemaVersion', 'dockerbenchsecurity', 'checks', 'check_type'),
    // Trivy JSON: a Result is handed over after its misconfigurations, with its Target.
    Results: { finding: 'trivy-result', members: { Target: {}, Misconfigurations: { finding: 'trivy', members: { ...keys('AVDID', 'ID', 'Title', 'Message', 'Status'), CauseMetadata: { members: keys('StartLine', 'Resource') } } } } },
    // Kubescape JSON: resources give each resourceID its file; results and Checkov's share the key.
    summaryDetails: { transient: true, members: { controls: { transient: true, any: { finding: 'ks-summary', members: { ...keys('controlID'), status: {} } } } } },
    resources: { finding: 'ks-resource', members: { resourceID: {}, source: { members: keys('relativePath') } } },
    results: { finding: 'ks-result', members: { resourceID: {}, controls: KUBESCAPE_CONTROL, failed_checks: CHECKOV_FAILED, passed_checks: CHECKOV_PASSED } },
    // kube-bench JSON.
    Controls: { transient: true, members: { tests: { transient: true, members: { results: { finding: 'kube-bench', members: keys('test_number', 'test_desc', 'status', 'type') } } } } },
    // docker-bench JSON.
    tests: { transient: true, members: { results: { finding: 'docker-bench', members: { ...keys('id', 'desc', 'result', 'details') } } } },
    // SARIF: a run is handed over after its results, with its tool's name.
    runs: {
      finding: 'sarif-run',
      members: {
        tool: { members: { driver: { members: keys('name') } } },
        results: {
          finding: 'sarif-result',
          members: { ...keys('ruleId', 'kind'), message: { members: keys('text') }, locations: { members: { physicalLocation: { members: { artifactLocation: { members: keys('uri') }, region: { members: keys('startLine') } } } } } },
        },
      },
    },
  },
};

function wantOf(spec: Spec): Want {
  const members = spec.members ? new Map(Object.entries(spec.members).map(([key, child]) => [key, wantOf(child)])) : undefined;
  return { ...(members ? { members } : {}), ...(spec.any ? { anyMember: wantOf(spec.any) } : {}), ...(spec.finding ? { finding: spec.finding } : {}), ...(spec.transient ? { transient: true } : {}) };
}
const REPORT_WANT = wantOf(REPORT_SPEC);

function lastMember(node: ObjectNode | undefined, key: string): Member | undefined {
  if (!node) return undefined;
  for (let index = node.members.length - 1; index >= 0; index--) if (node.members[index]?.key === key) return node.members[index];
  return undefined;
}
const textOf = (node: ObjectNode | undefined, key: string): string | undefined => lastMember(node, key)?.text;
const objectOf = (node: ObjectNode | undefined, key: string): ObjectNode | undefined => {
  const child = lastMember(node, key)?.node;
  return child?.kind === 'object' ? child : undefined;
};
/** The first object of an array member (SARIF's first location). */
const firstObjectOf = (node: ObjectNode | undefined, key: string): ObjectNode | undefined => {
  const child = lastMember(node, key)?.node;
  return child?.kind === 'array' ? child.objects[0] : child?.kind === 'object' ? child : undefined;
};

/** A small JSON value read from its bytes (a line number, Checkov's [first, last] line range). */
function smallValue(bytes: Buffer, member: Member | undefined): unknown {
  if (!member || member.valueEnd - member.valueStart > 200) return undefined;
  try {
    return JSON.parse(bytes.toString('utf8', member.valueStart, member.valueEnd));
  } catch {
    return undefined;
  }
}
function lineOf(bytes: Buffer, member: Member | undefined): number | undefined {
  const value = smallValue(bytes, member);
  const first = Array.isArray(value) ? value[0] : value;
  return typeof first === 'number' && Number.isInteger(first) && first > 0 ? first : undefined;
}

/** Which scanner wrote a SARIF run, from its tool name, as the linker decides it. */
function scannerOfTool(name: string | undefined): ScannerKey | undefined {
  const lower = name?.toLowerCase() ?? '';
  if (lower.includes('trivy')) return 'trivy';
  if (lower.includes('kubescape')) return 'kubescape';
  if (lower.includes('checkov')) return 'checkov';
  return undefined;
}

/** Collects findings once per distinct row, and the rules that ran. */
class Collector {
  readonly findings = new Map<string, ScannerFinding>();
  readonly ran = new Map<string, { scanner: ScannerKey; ruleId: string }>();
  passes = false;

  finding(finding: ScannerFinding): void {
    this.markRan(finding.scanner, finding.ruleId);
    const key = [finding.scanner, finding.ruleId, finding.file ?? '', finding.object?.key ?? '', finding.line ?? ''].join('\u0000');
    if (!this.findings.has(key)) this.findings.set(key, finding);
  }

  markRan(scanner: ScannerKey, ruleId: string | undefined): void {
    if (ruleId) this.ran.set(`${scanner}\u0000${ruleId}`, { scanner, ruleId });
  }

  passed(scanner: ScannerKey, ruleId: string | undefined): void {
    this.passes = true;
    this.markRan(scanner, ruleId);
  }
}

type Pending = Omit<ScannerFinding, 'file' | 'scanner'> & { uri?: string; resourceId?: string };

/** The reader's state while one report streams by: findings that wait for their enclosing object. */
class ReportReader {
  readonly out = new Collector();
  /** Trivy misconfigurations until their Result (and Target) closes; SARIF results until their run (and tool name) closes. */
  private trivyPending = new Map<string, Pending>();
  private sarifPending = new Map<string, Pending>();
  /** Kubescape: the file of each resourceID, from `resources`, and the failed controls of each. */
  private readonly kubescapeFiles = new Map<string, string>();
  private kubescapeControls: { ruleId: string; title?: string; status: string | undefined }[] = [];
  private readonly kubescapeFailed: { resourceId: string; ruleId: string; title?: string }[] = [];
  private readonly bytes: Buffer;

  constructor(bytes: Buffer) {
    this.bytes = bytes;
  }

  onFinding(kind: string, node: ObjectNode): void {
    switch (kind) {
      case 'trivy': return this.trivy(node);
      case 'trivy-result': return this.trivyResult(node);
      case 'ks-resource': {
        const id = textOf(node, 'resourceID');
        const path = textOf(objectOf(node, 'source'), 'relativePath');
        if (id && path) this.kubescapeFiles.set(id, path);
        return;
      }
      case 'ks-control': {
        const ruleId = textOf(node, 'controlID');
        const status = textOf(objectOf(node, 'status'), 'status') ?? textOf(node, 'status');
        if (ruleId) this.kubescapeControls.push({ ruleId, ...optional('title', textOf(node, 'name')), status });
        return;
      }
      case 'ks-result': return this.kubescapeResult(node);
      case 'ks-summary': {
        // Every control the scan evaluated is summarised, passed ones included.
        const status = lastMember(node, 'status');
        const text = status?.type === 'object' ? undefined : status?.text;
        if (text === 'passed') this.out.passed('kubescape', textOf(node, 'controlID'));
        return;
      }
      case 'ckv-failed': return this.checkovFailed(node);
      case 'ckv-passed': return this.out.passed('checkov', textOf(node, 'check_id'));
      case 'kube-bench': return this.kubeBench(node);
      case 'docker-bench': return this.dockerBench(node);
      case 'sarif-result': return this.sarifResult(node);
      case 'sarif-run': return this.sarifRun(node);
    }
  }

  private trivy(node: ObjectNode): void {
    const ruleId = textOf(node, 'AVDID') ?? textOf(node, 'ID');
    if (!ruleId) return;
    if (textOf(node, 'Status') === 'PASS') {
      this.trivyPending.set(`pass\u0000${ruleId}`, { ruleId, message: '', manual: true });
      return;
    }
    const message = textOf(node, 'Message') ?? textOf(node, 'Title') ?? ruleId;
    const cause = objectOf(node, 'CauseMetadata');
    const object = objectFromTrivyMessage(message);
    const line = lineOf(this.bytes, lastMember(cause, 'StartLine'));
    const pending: Pending = { ruleId, message, ...optional('title', textOf(node, 'Title')), ...optional('line', line), ...optional('object', object) };
    this.trivyPending.set([ruleId, object?.key ?? '', line ?? ''].join('\u0000'), pending);
  }

  private trivyResult(node: ObjectNode): void {
    const file = textOf(node, 'Target');
    for (const [key, pending] of this.trivyPending) {
      if (key.startsWith('pass\u0000')) this.out.passed('trivy', pending.ruleId);
      else this.out.finding(withFile('trivy', pending, file));
    }
    this.trivyPending = new Map();
  }

  private kubescapeResult(node: ObjectNode): void {
    const resourceId = textOf(node, 'resourceID');
    for (const control of this.kubescapeControls) {
      if (control.status === 'failed' && resourceId) this.kubescapeFailed.push({ resourceId, ruleId: control.ruleId, ...optional('title', control.title) });
      // Skipped or excluded controls did not look, so they do not count as run.
      else if (control.status === 'passed') this.out.passed('kubescape', control.ruleId);
    }
    this.kubescapeControls = [];
  }

  private checkovFailed(node: ObjectNode): void {
    const ruleId = textOf(node, 'check_id');
    if (!ruleId) return;
    const title = textOf(node, 'check_name');
    const object = objectFromCheckovResource(textOf(node, 'resource'));
    this.out.finding({ scanner: 'checkov', ruleId, message: title ?? ruleId, ...optional('title', title), ...optional('file', normaliseFile(textOf(node, 'file_path'))), ...optional('line', lineOf(this.bytes, lastMember(node, 'file_line_range'))), ...optional('object', object) });
  }

  private kubeBench(node: ObjectNode): void {
    const ruleId = textOf(node, 'test_number');
    const status = textOf(node, 'status');
    if (!ruleId) return;
    if (status === 'FAIL' || status === 'WARN') {
      const title = textOf(node, 'test_desc');
      // kube-bench WARNs the tests it cannot decide (manual ones): a person must look, nothing was found.
      this.out.finding({ scanner: 'kube-bench', ruleId, message: title ?? ruleId, ...optional('title', title), object: { display: 'cluster', key: 'cluster' }, ...(status === 'WARN' ? { manual: true } : {}) });
    } else this.out.passed('kube-bench', ruleId);
  }

  private dockerBench(node: ObjectNode): void {
    const ruleId = textOf(node, 'id');
    if (!ruleId) return;
    if (textOf(node, 'result') === 'WARN') {
      const title = textOf(node, 'desc');
      const details = textOf(node, 'details');
      this.out.finding({ scanner: 'docker-bench', ruleId, message: details ?? title ?? ruleId, ...optional('title', title), object: { display: 'Docker host', key: 'docker-host' } });
    } else this.out.passed('docker-bench', ruleId);
  }

  private sarifResult(node: ObjectNode): void {
    const ruleId = textOf(node, 'ruleId');
    if (!ruleId) return;
    const kind = textOf(node, 'kind');
    if (kind === 'pass' || kind === 'notApplicable') {
      this.sarifPending.set(`pass\u0000${ruleId}`, { ruleId, message: '', manual: true });
      return;
    }
    const message = textOf(objectOf(node, 'message'), 'text') ?? ruleId;
    const physical = objectOf(firstObjectOf(node, 'locations'), 'physicalLocation');
    const uri = textOf(objectOf(physical, 'artifactLocation'), 'uri');
    const line = lineOf(this.bytes, lastMember(objectOf(physical, 'region'), 'startLine'));
    const object = objectFromTrivyMessage(message);
    const pending: Pending = { ruleId, message: firstMeaningfulLine(message), ...optional('line', line), ...optional('object', object), ...optional('uri', uri) };
    this.sarifPending.set([ruleId, uri ?? '', object?.key ?? '', line ?? ''].join('\u0000'), pending);
  }

  private sarifRun(node: ObjectNode): void {
    const scanner = scannerOfTool(textOf(objectOf(objectOf(node, 'tool'), 'driver'), 'name'));
    if (scanner) {
      for (const [key, pending] of this.sarifPending) {
        if (key.startsWith('pass\u0000')) this.out.passed(scanner, pending.ruleId);
        else this.out.finding(withFile(scanner, pending, pending.uri));
      }
    }
    this.sarifPending = new Map();
  }

  /** Kubescape's failed controls once `resources` is read (it may come after `results`). */
  finish(): void {
    for (const failed of this.kubescapeFailed) {
      const object = objectFromKubescapeId(failed.resourceId);
      const file = normaliseFile(this.kubescapeFiles.get(failed.resourceId));
      this.out.finding({ scanner: 'kubescape', ruleId: failed.ruleId, message: failed.title ?? failed.ruleId, ...optional('title', failed.title), ...optional('file', file), ...optional('object', object) });
    }
  }
}

function withFile(scanner: ScannerKey, pending: Pending, file: string | undefined): ScannerFinding {
  const { uri: _uri, resourceId: _resource, ...rest } = pending;
  return { scanner, ...rest, ...optional('file', normaliseFile(file)) };
}

/** Trivy's SARIF message is "Artifact: …\nType: …\nMessage: <the message>": the message line is what a reader needs. */
function firstMeaningfulLine(text: string): string {
  const message = /^Message: (.*)$/m.exec(text);
  return message?.[1] ?? text.split('\n')[0] ?? text;
}

/** `{ key: value }` when the value is defined: exactOptionalPropertyTypes forbids `key: undefined`. */
function optional<K extends string, V>(key: K, value: V | undefined): { [P in K]?: V } {
  return (value === undefined ? {} : { [key]: value }) as { [P in K]?: V };
}

/**
 * Reads one scanner report. Throws LinkInputError with a one-line reason for a report that is
 * not UTF-8 JSON (truncated included) or not output of a known scanner.
 */
export function readScannerReport(input: Buffer): ScannerReportRead {
  checkEncoding(input);
  const reader = new ReportReader(input);
  let format: FindingFormat | undefined;
  try {
    const skeleton = readSkeleton(input, REPORT_WANT, (kind, node) => reader.onFinding(kind, node));
    format = detectFormat(skeleton);
  } catch (error) {
    if (error instanceof JsonSyntaxError) throw new LinkInputError(`not JSON: ${error.message} at ${lineAndColumn(input, error.offset)}`);
    throw error;
  }
  if (!format) throw new LinkInputError('not output of a known scanner (Trivy, Kubescape, kube-bench, docker-bench or Checkov, JSON or SARIF)');
  reader.finish();
  const { out } = reader;
  const listsPasses = out.passes || format === 'kube-bench-json' || format === 'docker-bench-json' || format === 'checkov-json';
  return { format, findings: [...out.findings.values()], ran: [...out.ran.values()], listsPasses };
}
