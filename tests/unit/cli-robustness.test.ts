import { spawn, spawnSync } from 'node:child_process';
import { chmodSync, closeSync, copyFileSync, existsSync, mkdirSync, mkdtempSync, openSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import Ajv from 'ajv-draft-04';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { collectInputs, MAX_COUNTED_STDIN_BYTES, MAX_INPUT_BYTES } from '../../src/cli/collect.ts';
import { main } from '../../src/cli/main.ts';

/**
 * No input stops `bulkhead check`: every problem is one line naming the file, the other files are
 * still checked, the report is still written in the chosen format, and nothing prints a stack trace.
 */

// A rule that throws on a file named "boom": stands for any bug a crafted input could trigger.
vi.mock('../../src/rules/engine.ts', async (importOriginal) => {
  const engine = await importOriginal<typeof import('../../src/rules/engine.ts')>();
  return {
    ...engine,
    runChecks: (...args: Parameters<typeof engine.runChecks>) => {
      if (args[0].file.includes('boom')) throw new Error('rule crashed');
      return engine.runChecks(...args);
    },
  };
});

const root = join(import.meta.dirname, '..', '..');
const bin = join(root, 'bin', 'bulkhead.mjs');
const privilegedFixture = join(root, 'content', 'checks', 'bh-ck-002-k8s-no-privileged-pods', 'fail', 'deployment.yaml');
const privileged = readFileSync(privilegedFixture, 'utf8');
const FORMATS = ['text', 'json', 'sarif'] as const;

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

interface Options {
  cwd?: string;
  readStdin?: (limit: number) => Buffer;
  readFile?: (path: string, size: number) => Buffer;
}

async function cli(argv: string[], options: Options = {}): Promise<Run> {
  const stdout: string[] = [];
  const stderr: string[] = [];
  const code = await main({
    argv,
    cwd: options.cwd ?? root,
    env: {},
    stdout: (text) => stdout.push(text),
    stderr: (text) => stderr.push(text),
    readStdin: options.readStdin ?? (() => Buffer.alloc(0)),
    readFile: options.readFile,
    isTty: false,
  });
  return { code, stdout: stdout.join(''), stderr: stderr.join('') };
}

const errorLines = (text: string) => text.trimEnd().split('\n').filter(Boolean);
const STACK_FRAME = /\n\s+at /;

const sarifSchema = JSON.parse(readFileSync(join(root, 'tests', 'vendor', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;
const ajv = new Ajv({ allErrors: true, strict: false });
addFormats.default(ajv);
const validateSarif = ajv.compile(sarifSchema);

interface SarifLog {
  runs: {
    results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[];
    invocations: { executionSuccessful: boolean; toolExecutionNotifications: { message: { text: string }; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[];
  }[];
}

function parseSarif(text: string): SarifLog {
  const sarif = JSON.parse(text) as SarifLog;
  expect(validateSarif(sarif), JSON.stringify(validateSarif.errors, null, 2)).toBe(true);
  return sarif;
}

/** The report in `format` still holds the good file's BH-CK-002 finding and names the problem file. */
function expectReportWithFinding(format: (typeof FORMATS)[number], stdout: string, problemFile: string): void {
  if (format === 'text') {
    expect(stdout).toContain('BH-CK-002');
    expect(stdout).toMatch(/, 1 input error; /);
  } else if (format === 'json') {
    const report = JSON.parse(stdout) as { findings: { checkId: string }[]; errors: { file: string }[] };
    expect(report.findings.map((finding) => finding.checkId)).toContain('BH-CK-002');
    expect(report.errors.map((error) => error.file)).toEqual([problemFile]);
  } else {
    const [run] = parseSarif(stdout).runs;
    expect(run?.results.map((result) => result.ruleId)).toContain('BH-CK-002');
    expect(run?.invocations[0]?.executionSuccessful).toBe(false);
    expect(run?.invocations[0]?.toolExecutionNotifications).toHaveLength(1);
  }
}

function temporaryDirectory(label: string): string {
  const directory = mkdtempSync(join(tmpdir(), `bulkhead-${label}-`));
  chmodSync(directory, 0o755);
  return directory;
}

describe('an unreadable file is one line and the run goes on', () => {
  let directory: string;
  beforeAll(() => {
    directory = temporaryDirectory('unreadable');
    writeFileSync(join(directory, 'locked.yaml'), privileged);
    copyFileSync(privilegedFixture, join(directory, 'deployment.yaml'));
  });

  // Root reads any file, so the permission error is injected where the bytes are read.
  const denied = (path: string, size: number): Buffer => {
    if (path.endsWith('locked.yaml')) throw Object.assign(new Error(`EACCES: permission denied, open '${path}'`), { code: 'EACCES' });
    return readFileSync(path).subarray(0, size);
  };

  for (const format of FORMATS) {
    it(`named or found in a walk, in ${format}`, async () => {
      for (const paths of [['locked.yaml', 'deployment.yaml'], ['.']]) {
        const run = await cli(['check', '--format', format, ...paths], { cwd: directory, readFile: denied });
        expect(errorLines(run.stderr)).toEqual(['error: locked.yaml: cannot read file: permission denied']);
        expectReportWithFinding(format, run.stdout, 'locked.yaml');
        expect(run.code).toBe(2);
      }
    });
  }

  it('for real, as an unprivileged user (chmod 000)', () => {
    const parent = temporaryDirectory('chmod');
    writeFileSync(join(parent, 'locked.yaml'), privileged);
    chmodSync(join(parent, 'locked.yaml'), 0o000);
    copyFileSync(privilegedFixture, join(parent, 'deployment.yaml'));
    chmodSync(join(parent, 'deployment.yaml'), 0o644);
    const asRoot = process.getuid?.() === 0;
    // root reads any file, so the test drops to "nobody" when it runs as root (as in CI).
    const command = asRoot ? ['setpriv', '--reuid=65534', '--regid=65534', '--clear-groups', process.execPath] : [process.execPath];
    const result = spawnSync(command[0] ?? '', [...command.slice(1), bin, 'check', '--format', 'sarif', 'locked.yaml', '.'], { cwd: parent, encoding: 'utf8' });
    expect(result.stderr).toBe('error: locked.yaml: cannot read file: permission denied\nerror: locked.yaml: cannot read file: permission denied\n');
    expect(parseSarif(result.stdout).runs[0]?.results.map((finding) => finding.ruleId)).toContain('BH-CK-002');
    expect(result.status).toBe(2);
  });

  it('a FIFO named on the command line is refused without blocking; one in a directory is skipped', () => {
    const parent = temporaryDirectory('fifo');
    spawnSync('mkfifo', [join(parent, 'pipe.yaml')]);
    copyFileSync(privilegedFixture, join(parent, 'deployment.yaml'));
    const result = spawnSync(process.execPath, [bin, 'check', 'pipe.yaml', '.'], { cwd: parent, encoding: 'utf8', timeout: 60_000 });
    expect(result.stderr).toBe('error: pipe.yaml: not a regular file or directory\n');
    expect(result.stdout).toContain('BH-CK-002');
    expect(result.status).toBe(2);
  });

  it('collectInputs turns a read failure into a problem for that file only', () => {
    const collected = collectInputs(['locked.yaml', 'deployment.yaml'], directory, { readStdin: () => Buffer.alloc(0), readFile: denied });
    expect(collected.problems).toEqual([{ file: 'locked.yaml', message: 'cannot read file: permission denied' }]);
    expect(collected.files.map((file) => file.name)).toEqual(['deployment.yaml']);
  });
});

describe('a bug on one input is one line, and the report is still written', () => {
  for (const format of FORMATS) {
    it(`a rule that throws on one file, in ${format}`, async () => {
      const directory = temporaryDirectory('boom');
      writeFileSync(join(directory, 'boom.yaml'), privileged);
      const run = await cli(['check', '--format', format, join(directory, 'boom.yaml'), privilegedFixture]);
      expect(errorLines(run.stderr)).toEqual([`error: ${relative(root, join(directory, 'boom.yaml'))}: internal error while checking this file: rule crashed`]);
      expect(run.stderr).not.toMatch(STACK_FRAME);
      expectReportWithFinding(format, run.stdout, relative(root, join(directory, 'boom.yaml')));
      expect(run.code).toBe(2);
    });
  }
});

describe('a bug outside main() (the process-level handler)', () => {
  it('is one line "internal error: …", exit 2, never a stack trace', () => {
    // A timer that throws while the run is under way stands for any escaped asynchronous bug.
    const hook = 'data:text/javascript,setTimeout(()=>{throw new Error("simulated bug\\nsecond line")},50)';
    const result = spawnSync(process.execPath, ['--import', hook, bin, 'check', privilegedFixture], { cwd: root, encoding: 'utf8' });
    expect(result.stderr).toBe('bulkhead: internal error: simulated bug\\nsecond line\n');
    expect(result.status).toBe(2);
  });
});

describe('more than 120,000 findings', () => {
  it('are all reported (push(...spread) overflowed the stack)', { timeout: 180_000 }, async () => {
    const directory = temporaryDirectory('many');
    const count = 130_000;
    writeFileSync(join(directory, 'Dockerfile'), `FROM scratch\nUSER 10001\n${'EXPOSE 22\n'.repeat(count)}`);
    const run = await cli(['check', 'Dockerfile'], { cwd: directory });
    expect(run.stderr).toBe('');
    const reported = /\n(\d+) findings .* in 1 file checked/.exec(run.stdout.slice(-500));
    expect(Number(reported?.[1])).toBeGreaterThanOrEqual(count);
    expect(run.code).toBe(1);
  });
});

describe('--output', () => {
  it('creates missing directories for the report', async () => {
    const directory = temporaryDirectory('output');
    const out = join(directory, 'reports', 'nested', 'bulkhead.sarif');
    const run = await cli(['check', '--format', 'sarif', '--output', out, privilegedFixture]);
    expect(run.stdout).toBe('');
    expect(run.stderr).toBe('');
    expect(parseSarif(readFileSync(out, 'utf8')).runs[0]?.results.length).toBeGreaterThan(0);
    expect(run.code).toBe(1);
  });

  it('that cannot be written is one line and exit 2', async () => {
    const directory = temporaryDirectory('output-blocked');
    writeFileSync(join(directory, 'file'), 'not a directory');
    const run = await cli(['check', '--output', 'file/report.txt', privilegedFixture], { cwd: directory });
    expect(run.stderr).toBe('error: file/report.txt: cannot write the report: a part of the path is not a directory\n');
    expect(run.code).toBe(2);
  });
});

describe('standard input', () => {
  it('that is a directory (bulkhead check - < /) is one line, and the other files are checked', () => {
    const directory = openSync('/', 'r');
    try {
      const result = spawnSync(process.execPath, [bin, 'check', '-', privilegedFixture], { cwd: root, encoding: 'utf8', stdio: [directory, 'pipe', 'pipe'] });
      expect(result.stderr).toBe('error: <stdin>: cannot read standard input: is a directory\n');
      expect(result.stdout).toContain('BH-CK-002');
      expect(result.status).toBe(2);
    } finally {
      closeSync(directory);
    }
  });

  it('over the limit is read on in small steps, counted and never kept, and refused as a file is', async () => {
    const asked: number[] = [];
    // Endless, as `yes 'a: b'` is: every call returns one byte more than asked.
    const endless = Buffer.alloc(MAX_INPUT_BYTES + 1, 'a: b\n');
    const run = await cli(['check', '--format', 'sarif', '-', privilegedFixture], {
      readStdin: (limit) => {
        asked.push(limit);
        return endless.subarray(0, limit + 1);
      },
    });
    // The first read stops at the limit; the rest are a mebibyte each, up to the counting bound.
    expect(asked[0]).toBe(MAX_INPUT_BYTES);
    expect(Math.max(...asked.slice(1))).toBeLessThanOrEqual(1024 * 1024);
    expect(asked.reduce((sum, limit) => sum + limit, 0)).toBeLessThanOrEqual(MAX_COUNTED_STDIN_BYTES);
    expect(errorLines(run.stderr)).toEqual(['error: <stdin>: file is more than 500.0 MiB, over the 10 MiB input limit']);
    expect(parseSarif(run.stdout).runs[0]?.results.map((result) => result.ruleId)).toContain('BH-CK-002');
    expect(run.code).toBe(2);
  });

  it('an endless stream is refused after the counting bound (it used to be buffered whole: 40 MB took 1.5 GB)', async () => {
    const child = spawn('bash', ['-c', `yes 'a: b' | "${process.execPath}" "${bin}" check -`], { cwd: root });
    const stderr: Buffer[] = [];
    child.stderr.on('data', (chunk: Buffer) => stderr.push(chunk));
    child.stdout.resume();
    const status = await new Promise<number | null>((done) => child.on('close', done));
    expect(Buffer.concat(stderr).toString()).toBe('error: <stdin>: file is more than 500.0 MiB, over the 10 MiB input limit\n');
    expect(status).toBe(2);
  }, 120_000);
});

/**
 * `kubectl get pods -A -o json` of `count` Pods in kubectl's layout (4-space indentation), one in
 * ten privileged; the annotation makes each about 3 kB, as managedFields and status do in a real dump.
 */
function clusterList(count: number): string {
  const items = Array.from({ length: count }, (_, n) => ({
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { annotations: { 'example.com/note': 'x'.repeat(3000) }, name: `app-${n}`, namespace: `team-${n % 20}` },
    spec: { containers: [{ image: `registry.example.com/app-${n}:1.0.0`, name: 'app', securityContext: { privileged: n % 10 === 0 } }] },
  }));
  return `${JSON.stringify({ apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } }, null, 4)}\n`;
}

describe('over the 10 MiB limit, standard input is read as a file of that size is', () => {
  let directory: string;
  let list: string;
  beforeAll(() => {
    directory = temporaryDirectory('stdin-large');
    list = clusterList(4000);
    writeFileSync(join(directory, 'cluster.json'), list);
  });

  /** `bulkhead check --format json ARGS` in its own process, with `input` piped to its standard input. */
  const spawnCheck = (args: string[], input: string | Buffer) => spawnSync(process.execPath, [bin, 'check', '--format', 'json', ...args], { cwd: directory, input, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, timeout: 120_000 });
  const findingsOf = (stdout: string) => (JSON.parse(stdout) as { findings: { checkId: string }[] }).findings;

  it('a Kubernetes JSON List (kubectl get -A -o json | bulkhead check -) is checked: the findings and exit code of the same List in a file', { timeout: 180_000 }, () => {
    expect(Buffer.byteLength(list)).toBeGreaterThan(MAX_INPUT_BYTES);
    // One run reads the List twice, piped and from a file, so the two sets of findings can be compared.
    const run = spawnCheck(['-', 'cluster.json'], list);
    expect(run.stderr).toBe('');
    const findings = (JSON.parse(run.stdout) as { findings: { checkId: string; line: number; object: string; file: string }[] }).findings;
    const from = (file: string) => findings.filter((finding) => finding.file === file).map(({ file: _, ...finding }) => finding);
    expect(from('<stdin>').filter((finding) => finding.checkId === 'BH-CK-002')).toHaveLength(400);
    expect(from('<stdin>')).toEqual(from('cluster.json'));
    expect(run.status).toBe(1);
  });

  it('a YAML stream over the limit gets the problem message of a file, and the other inputs are checked', { timeout: 120_000 }, () => {
    const yaml = Buffer.alloc(MAX_INPUT_BYTES + 1024 * 1024, 'a: b\n');
    writeFileSync(join(directory, 'big.yaml'), yaml);
    const run = spawnCheck(['-', 'big.yaml', privilegedFixture], yaml);
    expect(errorLines(run.stderr)).toEqual(['error: <stdin>: file is 11.0 MiB, over the 10 MiB input limit', 'error: big.yaml: file is 11.0 MiB, over the 10 MiB input limit']);
    expect(findingsOf(run.stdout).map((finding) => finding.checkId)).toContain('BH-CK-002');
    expect(run.status).toBe(2);
  });

  it('a .json List over 500 MiB is refused with the List limit', async () => {
    // Sparse: the List's start, then a hole up to 600 MiB, so the test writes 4 kB, not 600 MiB.
    const path = join(directory, 'huge.json');
    writeFileSync(path, list.slice(0, 4096));
    truncateSync(path, 600 * 1024 * 1024);
    const run = await cli(['check', 'huge.json', privilegedFixture], { cwd: directory });
    expect(errorLines(run.stderr)).toEqual(['error: huge.json: file is 600.0 MiB, over the 500 MiB limit for a Kubernetes JSON List']);
    expect(run.stdout).toContain('BH-CK-002');
    expect(run.code).toBe(2);
  });

  it('a List that ends early is one problem line, as in a file', { timeout: 120_000 }, () => {
    const cut = list.slice(0, MAX_INPUT_BYTES + 4096);
    writeFileSync(join(directory, 'cut.json'), cut);
    const [piped, named] = errorLines(spawnCheck(['-', 'cut.json'], cut).stderr);
    expect(piped).toMatch(/^error: <stdin>:\d+:\d+: invalid JSON/);
    expect(piped?.replace('<stdin>', 'cut.json')).toBe(named);
  });
});

describe('output piped into a reader that goes away', () => {
  it('bulkhead check … | head -1 exits quietly, with no stack trace', () => {
    const directory = temporaryDirectory('epipe');
    writeFileSync(join(directory, 'Dockerfile'), `FROM scratch\nUSER 10001\n${'EXPOSE 22\n'.repeat(20_000)}`);
    const script = `"${process.execPath}" "${bin}" check Dockerfile | head -n 1; echo "status \${PIPESTATUS[0]}" >&2`;
    const result = spawnSync('bash', ['-c', script], { cwd: directory, encoding: 'utf8' });
    expect(result.stdout).toBe('Dockerfile\n');
    // The run keeps its exit code (1: findings) so `set -o pipefail` still sees them.
    expect(result.stderr).toBe('status 1\n');
  });
});

describe('symbolic links', () => {
  it('a fan of links to the same directories is walked once per real directory', () => {
    const directory = temporaryDirectory('fan');
    // 30 levels, each linking twice to the next: 2^30 paths, 31 real directories.
    const levels = 30;
    for (let level = 0; level <= levels; level++) mkdirSync(join(directory, `d${level}`));
    for (let level = 0; level < levels; level++) {
      symlinkSync(join(directory, `d${level + 1}`), join(directory, `d${level}`, 'a'));
      symlinkSync(join(directory, `d${level + 1}`), join(directory, `d${level}`, 'b'));
    }
    copyFileSync(privilegedFixture, join(directory, `d${levels}`, 'deployment.yaml'));
    const collected = collectInputs(['d0'], directory, { readStdin: () => Buffer.alloc(0) });
    expect(collected.problems).toEqual([]);
    expect(collected.files.map((file) => file.name)).toEqual([join('d0', ...Array<string>(levels).fill('a'), 'deployment.yaml')]);
  });

  it('a loop is one line, also inside a fan', async () => {
    const directory = temporaryDirectory('loop');
    mkdirSync(join(directory, 'top', 'one'), { recursive: true });
    symlinkSync(join(directory, 'top', 'one'), join(directory, 'top', 'also-one'));
    symlinkSync(join(directory, 'top'), join(directory, 'top', 'one', 'up'));
    copyFileSync(privilegedFixture, join(directory, 'top', 'one', 'deployment.yaml'));
    const run = await cli(['check', 'top'], { cwd: directory });
    expect(errorLines(run.stderr)).toEqual(['error: top/also-one/up: symbolic link loop: this directory contains itself; skipped']);
    expect(run.stdout).toContain('top/also-one/deployment.yaml\n');
    expect(run.code).toBe(2);
  });
});

describe('text output and problem lines escape control characters from the input', () => {
  const CONTROL = /[\u0000-\u0009\u000b-\u001f\u007f-\u009f\u2028\u2029]/;
  const forged = 'evil\u001b[2J\r\n::error file=app.py,line=1::forged\u2028\u0085';
  /** A YAML double-quoted scalar with every character outside printable ASCII escaped. */
  const yamlQuoted = (text: string) => `"${[...text].map((character) => (/[ -~]/.test(character) && character !== '"' && character !== '\\' ? character : `\\u${character.charCodeAt(0).toString(16).padStart(4, '0')}`)).join('')}"`;

  it('in file names, object names and messages', async () => {
    const directory = temporaryDirectory('escape');
    writeFileSync(join(directory, `${forged}.yaml`), privileged.replace('name: node-agent', `name: ${yamlQuoted(forged)}`));
    writeFileSync(join(directory, `empty${forged}.yaml`), '');
    writeFileSync(join(directory, 'kind.yaml'), `apiVersion: v1\nkind: ${yamlQuoted(`Pod${forged}`)}\nmetadata: {name: x}\n`);
    // Not a Dockerfile name a walk picks up, so it is named; its EXPOSE line is quoted in the message.
    writeFileSync(join(directory, `Dockerfile${forged}`), `FROM scratch\nUSER 10001\nEXPOSE 22 ${forged.replace(/[\r\n]/g, '')}\n`);
    const run = await cli(['check', '.', `Dockerfile${forged}`], { cwd: directory });
    for (const output of [run.stdout, run.stderr]) {
      expect(output).not.toMatch(CONTROL);
      expect(output).not.toMatch(/^::error/m);
    }
    expect(run.stdout).toContain('evil\\x1b[2J\\r\\n::error file=app.py,line=1::forged\\u2028\\x85.yaml\n');
    expect(run.stdout).toMatch(/\(Deployment\/evil\\x1b\[2J\\r\\n::error file=app\.py,line=1::forged\\u2028\\x85\)/);
    expect(errorLines(run.stderr).length).toBeGreaterThanOrEqual(2);
    for (const line of errorLines(run.stderr)) expect(line).toMatch(/^error: /);
    // Trailing U+2028 and U+0085 are white space to BuildKit, so the instruction ends before them.
    expect(run.stdout).toContain('EXPOSE 22 evil\\x1b[2J::error file=app.py,line=1::forged publishes port 22');
    expect(run.stderr).toContain('unknown kind "Podevil\\x1b[2J\\r\\n::error');
    expect(run.stderr).toContain('error: empty' + 'evil\\x1b[2J\\r\\n::error file=app.py,line=1::forged\\u2028\\x85.yaml: empty file\n');
  });

  it('in usage errors that quote an argument', async () => {
    const run = await cli(['check', '--format', 'x\n::error::forged', '.']);
    expect(run.stderr).toBe('bulkhead: --format "x\\n::error::forged" is not one of text, json, sarif\nRun "bulkhead check --help" for usage.\n');
  });
});

describe('SARIF artifact URIs are RFC 3986 relative references', () => {
  it('percent-encode each path segment, so #, ?, %, spaces and : stay in the name', async () => {
    const directory = temporaryDirectory('uri');
    const names = ['a#b.yaml', 'q?x.yaml', '100%.yaml', 'sp ace.yaml', 'c:d.yaml', 'dir#1/é.yaml', 'back\\slash.yaml'];
    mkdirSync(join(directory, 'dir#1'));
    for (const name of names) writeFileSync(join(directory, name), privileged);
    const run = await cli(['check', '--format', 'sarif', ...names], { cwd: directory });
    const uris = [...new Set(parseSarif(run.stdout).runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri))];
    expect(uris).toEqual(['a%23b.yaml', 'q%3Fx.yaml', '100%25.yaml', 'sp%20ace.yaml', 'c%3Ad.yaml', 'dir%231/%C3%A9.yaml', 'back%5Cslash.yaml']);
    const base = pathToFileURL(`${directory}/`);
    for (const [index, uri] of uris.entries()) {
      const resolved = fileURLToPath(new URL(uri ?? '', base));
      expect(resolved).toBe(join(directory, names[index] ?? ''));
      expect(existsSync(resolved)).toBe(true);
    }
  });
});
