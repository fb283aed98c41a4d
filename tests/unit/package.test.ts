/**
 * The npm package, the GitHub Action and the pre-commit hooks, as a user gets them: `npm pack`
 * (which runs scripts/package.ts), the tarball installed into an empty directory with npm offline
 * and an empty cache, then `bulkhead` run there on Node 20 and Node 24 and compared byte for byte
 * with the repository's CLI; action.yml's steps run locally on that tarball; the hooks' entries
 * run on the files pre-commit would pass. Nothing is skipped: a missing Node 20 fails the test.
 */
import { spawnSync, type SpawnSyncReturns } from 'node:child_process';
import { copyFileSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { builtinModules } from 'node:module';
import { tmpdir } from 'node:os';
import { delimiter, dirname, join } from 'node:path';
import Ajv from 'ajv-draft-04';
import { buildSync, transformSync } from 'esbuild';
import addFormats from 'ajv-formats';
import { beforeAll, describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { main } from '../../src/cli/main.ts';
import { readAction, runCompositeAction } from './helpers/composite-action.ts';

const root = join(import.meta.dirname, '..', '..');
const manifest = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { name: string; version: string };
const privilegedFixture = join(root, 'content', 'checks', 'bh-ck-002-k8s-no-privileged-pods', 'fail', 'deployment.yaml');

/** The path entries outside node_modules: what a user's shell finds, not the project's own Node 24. */
const userPath = (process.env.PATH ?? '').split(delimiter).filter((entry) => entry && !entry.includes('node_modules'));

function nodeVersion(binary: string): string | undefined {
  const result = spawnSync(binary, ['--version'], { encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

/** Node versions a GitHub-hosted runner keeps besides the one setup-node put on PATH. */
function toolCacheNodes(): string[] {
  const cache = join(process.env.RUNNER_TOOL_CACHE ?? '/opt/hostedtoolcache', 'node');
  return existsSync(cache) ? readdirSync(cache).map((version) => join(cache, version, 'x64', 'bin', 'node')) : [];
}

/** A Node of this major version: $BULKHEAD_NODE<major>, the user's PATH, the `node` devDependency, or a CI runner's tool cache. */
function findNode(major: number): string | undefined {
  const candidates = [process.env[`BULKHEAD_NODE${major}`], ...userPath.map((entry) => join(entry, 'node')), join(root, 'node_modules', 'node', 'bin', 'node'), process.execPath, ...toolCacheNodes()];
  return candidates.find((candidate): candidate is string => candidate !== undefined && existsSync(candidate) && nodeVersion(candidate)?.startsWith(`v${major}.`) === true);
}

const nodes = { 20: findNode(20), 22: findNode(22), 24: findNode(24) };

function required(binary: string | undefined, what: string): string {
  if (!binary) throw new Error(`${what} not found: install it on PATH or set BULKHEAD_NODE20 / BULKHEAD_NODE24 to its binary (the package promises Node 20, 22 and 24)`);
  return binary;
}

/** The environment a user of that Node has: its directory first on PATH, no node_modules/.bin. */
function envWith(node: string, extra: Record<string, string> = {}): NodeJS.ProcessEnv {
  return { ...process.env, PATH: [dirname(node), ...userPath].join(delimiter), ...extra };
}

function expectSuccess(result: SpawnSyncReturns<string>, what: string): void {
  expect(result.error, what).toBeUndefined();
  expect(result.status, `${what}\n${result.stdout}\n${result.stderr}`).toBe(0);
}

async function repoCli(argv: string[], cwd: string): Promise<{ code: number; stdout: string; stderr: string }> {
  let stdout = '';
  let stderr = '';
  const code = await main({ argv, cwd, env: {}, stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), readStdin: () => Buffer.alloc(0), isTty: false });
  return { code, stdout, stderr };
}

const work = mkdtempSync(join(tmpdir(), 'bulkhead-package-'));
const app = join(work, 'app');
let tarball = '';
let bin = '';

/** The risky inputs: every fail fixture of every automated check (all kinds, every rule on Node 20), and a plain deployment. */
function writeRiskyInputs(): void {
  mkdirSync(join(app, 'fixtures'), { recursive: true });
  for (const check of readdirSync(join(root, 'content', 'checks'))) {
    const fail = join(root, 'content', 'checks', check, 'fail');
    if (!existsSync(fail)) continue;
    mkdirSync(join(app, 'fixtures', check), { recursive: true });
    for (const file of readdirSync(fail)) copyFileSync(join(fail, file), join(app, 'fixtures', check, file));
  }
  copyFileSync(privilegedFixture, join(app, 'deployment.yaml'));
}

beforeAll(() => {
  // npm pack runs the prepack script (scripts/package.ts), as on a clean clone.
  const pack = spawnSync('npm', ['pack', '--pack-destination', work, '--loglevel=error'], { cwd: root, encoding: 'utf8', timeout: 120_000 });
  expectSuccess(pack, 'npm pack');
  const packed = readdirSync(work).filter((file) => file.endsWith('.tgz'));
  expect(packed).toEqual([`${manifest.name}-${manifest.version}.tgz`]);
  tarball = join(work, packed[0] ?? '');

  mkdirSync(app);
  // Offline, with an empty cache: nothing can come from the network or from earlier installs.
  const install = spawnSync('npm', ['install', '--offline', '--no-audit', '--no-fund', tarball], { cwd: app, encoding: 'utf8', timeout: 60_000, env: { ...process.env, npm_config_cache: join(work, 'npm-cache') } });
  expectSuccess(install, 'npm install --offline');
  bin = join(app, 'node_modules', '.bin', 'bulkhead');
  writeRiskyInputs();
}, 180_000);

describe('the npm package', () => {
  it(`is ${manifest.name}: a tarball under 2 MB with the launcher, the bundle and its data, and no dependencies`, () => {
    expect(statSync(tarball).size).toBeLessThan(2 * 1024 * 1024);
    const listing = spawnSync('tar', ['tzf', tarball], { encoding: 'utf8' });
    expect(listing.stdout.trim().split('\n').sort()).toEqual(['package/README.md', 'package/bin/bulkhead.mjs', 'package/dist-cli/THIRD-PARTY-NOTICES.md', 'package/dist-cli/bulkhead.mjs', 'package/dist-cli/checks.json', 'package/dist-cli/standing.json', 'package/dist-cli/threat-model.json', 'package/package.json']);
    const installed = JSON.parse(readFileSync(join(app, 'node_modules', manifest.name, 'package.json'), 'utf8')) as Record<string, unknown>;
    expect(installed).toMatchObject({ name: manifest.name, version: manifest.version, bin: { bulkhead: 'bin/bulkhead.mjs' }, engines: { node: '>=20' } });
    for (const field of ['dependencies', 'peerDependencies', 'optionalDependencies', 'bundleDependencies']) expect(installed[field], field).toBeUndefined();
    expect(readdirSync(join(app, 'node_modules')).filter((entry) => !entry.startsWith('.'))).toEqual([manifest.name]);
  });

  it('is plain JavaScript that imports nothing but Node built-ins', () => {
    // esbuild re-reads the installed bundle: any import of a package would fail to resolve there, and what stays external is listed.
    const result = buildSync({ entryPoints: [join(app, 'node_modules', manifest.name, 'dist-cli', 'bulkhead.mjs')], bundle: true, write: false, platform: 'node', format: 'esm', metafile: true, logLevel: 'silent', outdir: join(work, 'reread') });
    const imports = Object.values(result.metafile.outputs).flatMap((output) => output.imports.map((item) => item.path));
    const builtins = new Set([...builtinModules, ...builtinModules.map((name) => `node:${name}`)]);
    expect(imports.length).toBeGreaterThan(0);
    expect(imports.filter((path) => !builtins.has(path))).toEqual([]);
    // No TypeScript left for Node to strip: the bundle parses as JavaScript.
    expect(() => transformSync(readFileSync(join(app, 'node_modules', manifest.name, 'dist-cli', 'bulkhead.mjs'), 'utf8'), { loader: 'js', format: 'esm' })).not.toThrow();
  });

  describe('gives the same reports as the repository CLI', () => {
    const formats = ['json', 'sarif', 'text'] as const;
    const expected: Partial<Record<(typeof formats)[number], { code: number; stdout: string; stderr: string }>> = {};
    beforeAll(async () => {
      for (const format of formats) expected[format] = await repoCli(['check', '--format', format, '.'], app);
    }, 120_000);

    // Node 20 and 24 are required (the system's and the devDependency's); Node 22 runs where one is
    // installed (BULKHEAD_NODE22, PATH or a runner's tool cache) and is reported as skipped otherwise.
    for (const major of [20, 22, 24] as const) {
      it.skipIf(major === 22 && !nodes[22])(`on Node ${major}${major === 22 && !nodes[22] ? ' (none installed: set BULKHEAD_NODE22 to run it)' : ''}: findings, JSON, SARIF and text, byte for byte`, () => {
        const node = required(nodes[major], `Node ${major}`);
        for (const format of formats) {
          const result = spawnSync(node, [bin, 'check', '--format', format, '.'], { cwd: app, encoding: 'utf8', env: envWith(node), maxBuffer: 256 * 1024 * 1024 });
          const reference = expected[format];
          expect(result.stderr, format).toBe(reference?.stderr);
          expect(result.status, format).toBe(reference?.code);
          expect(result.stdout, format).toBe(reference?.stdout);
        }
        const report = JSON.parse(expected.json?.stdout ?? '{}') as { findings: { checkId: string; file: string }[] };
        // Every automated check found something in its own fail fixtures: every bundled rule ran.
        expect(new Set(report.findings.map((finding) => finding.checkId)).size).toBe((JSON.parse(readFileSync(join(app, 'node_modules', manifest.name, 'dist-cli', 'checks.json'), 'utf8')) as { checks: unknown[] }).checks.length);
      });
    }
  });

  it('npx bulkhead check works in the install directory on Node 20, offline', () => {
    const node = required(nodes[20], 'Node 20');
    const result = spawnSync('npx', ['--offline', 'bulkhead', 'check', '--format', 'json', 'deployment.yaml'], { cwd: app, encoding: 'utf8', env: envWith(node, { npm_config_cache: join(work, 'npm-cache') }) });
    expect(result.status, result.stderr).toBe(1);
    const report = JSON.parse(result.stdout) as { findings: { checkId: string; url: string; line: number }[] };
    expect(report.findings).toContainEqual(expect.objectContaining({ checkId: 'BH-CK-002', line: 16, url: 'https://bulkhead.dev/checks/bh-ck-002/' }));
  });

  it('--version prints the package version and the knowledge-base commit and date', () => {
    const node = required(nodes[20], 'Node 20');
    const result = spawnSync(node, [bin, '--version'], { cwd: app, encoding: 'utf8' });
    expect(result.stdout).toMatch(new RegExp(`^bulkhead ${manifest.version.replaceAll('.', '\\.')}, knowledge base [0-9a-f]{12} of \\d{4}-\\d{2}-\\d{2}( with uncommitted changes)?\\n$`));
    const packedCommit = (JSON.parse(readFileSync(join(app, 'node_modules', manifest.name, 'dist-cli', 'checks.json'), 'utf8')) as { knowledgeBase: { commit: string } }).knowledgeBase.commit;
    expect(packedCommit).toMatch(/^[0-9a-f]{40}$/);
    expect(result.stdout).toContain(packedCommit.slice(0, 12));
  });

  it('bulkhead rules --format json lists the same checks as the repository', async () => {
    const node = required(nodes[20], 'Node 20');
    const result = spawnSync(node, [bin, 'rules', '--format', 'json'], { cwd: app, encoding: 'utf8' });
    expect(result.status, result.stderr).toBe(0);
    const packaged = JSON.parse(result.stdout) as { checks: unknown[]; siteUrl: string; toolVersion: string };
    const repo = JSON.parse((await repoCli(['rules', '--format', 'json'], root)).stdout) as { checks: unknown[]; siteUrl: string };
    expect(packaged.checks).toEqual(repo.checks);
    expect(packaged.siteUrl).toBe(repo.siteUrl);
    expect(packaged.toolVersion).toBe(manifest.version);
  });

  it('bulkhead link writes the same linked report as the repository (SARIF with rule standings)', async () => {
    const node = required(nodes[20], 'Node 20');
    for (const fixture of ['trivy.sarif', 'kubescape.json']) {
      const report = join(root, 'tests', 'fixtures', 'findings', fixture);
      const result = spawnSync(node, [bin, 'link', report], { cwd: app, encoding: 'utf8' });
      const repo = await repoCli(['link', report], app);
      expect(result.status, result.stderr).toBe(repo.code);
      expect(result.stdout).toBe(repo.stdout);
      expect(result.stderr).toBe(repo.stderr);
    }
  });

  it('BULKHEAD_SITE_URL points the check pages and help links at another site', () => {
    const node = required(nodes[20], 'Node 20');
    const result = spawnSync(node, [bin, 'check', '--format', 'sarif', 'deployment.yaml'], { cwd: app, encoding: 'utf8', env: { ...process.env, BULKHEAD_SITE_URL: 'https://kb.example.org/' } });
    const sarif = JSON.parse(result.stdout) as { runs: { tool: { driver: { informationUri: string; rules: { helpUri: string }[] } } }[] };
    expect(sarif.runs[0]?.tool.driver.informationUri).toBe('https://kb.example.org');
    expect(sarif.runs[0]?.tool.driver.rules.every((rule) => rule.helpUri.startsWith('https://kb.example.org/checks/'))).toBe(true);
  });

  it('the CLI has its four commands; an unknown one prints the usage on standard error, exit 2', () => {
    const node = required(nodes[20], 'Node 20');
    const help = spawnSync(node, [bin, '--help'], { cwd: app, encoding: 'utf8' });
    expect(help.status).toBe(0);
    for (const command of ['check PATH', 'rules', 'link [REPORT]', 'report PATH']) expect(help.stdout).toContain(`  ${command}`);
    const unknown = spawnSync(node, [bin, 'frobnicate'], { cwd: app, encoding: 'utf8' });
    expect(unknown.status).toBe(2);
    expect(unknown.stdout).toBe('');
    expect(unknown.stderr).toBe(`bulkhead: unknown command "frobnicate" (expected check, rules, link, report)\n\n${help.stdout}`);
  });
});

describe('the GitHub Action (action.yml)', () => {
  const action = readAction(join(root, 'action.yml'));
  const sarifSchema = JSON.parse(readFileSync(join(root, 'tests', 'vendor', 'sarif', 'sarif-schema-2.1.0.json'), 'utf8')) as object;

  function runAction(inputs: Record<string, string>) {
    const node = required(nodes[20], 'Node 20');
    const workspace = mkdtempSync(join(work, 'workspace-'));
    copyFileSync(privilegedFixture, join(workspace, 'deployment.yaml'));
    copyFileSync(join(root, 'content', 'checks', 'bh-ck-011-dockerfile-base-image-pinned', 'fail', 'Dockerfile'), join(workspace, 'Dockerfile'));
    mkdirSync(join(workspace, 'my manifests'));
    copyFileSync(privilegedFixture, join(workspace, 'my manifests', 'pod.yaml'));
    // The runner's Node 20, npm offline with an empty cache: the tarball must install on its own.
    return { workspace, run: runCompositeAction(action, { inputs: { package: tarball, ...inputs }, workspace, actionPath: root, env: envWith(node, { npm_config_offline: 'true', npm_config_cache: join(work, 'npm-cache') }) }) };
  }

  it('defaults: pins the package version of this repository and uploads SARIF', () => {
    expect(action.inputs.package?.default).toBe(`${manifest.name}@${manifest.version}`);
    expect(action.inputs.format?.default).toBe('sarif');
    expect(Object.keys(action.inputs).sort()).toEqual(['category', 'fail-on', 'format', 'output', 'package', 'paths', 'upload']);
  });

  it('runs bulkhead check on the paths, hands a valid SARIF 2.1.0 file to upload-sarif, then fails on findings', () => {
    const { run } = runAction({ paths: 'deployment.yaml\nDockerfile\nmy manifests/\n', 'fail-on': 'high' });
    const [install, check, upload, fail] = run.steps;
    expect(install?.status, `${install?.stdout}${install?.stderr}`).toBe(0);
    expect(install?.stdout).toMatch(/^bulkhead \d+\.\d+\.\d+, knowledge base /m);
    expect(check?.outputs['exit-code']).toBe('1');
    expect(upload).toMatchObject({ ran: true, uses: expect.stringMatching(/^github\/codeql-action\/upload-sarif@v\d+$/) });
    const sarifFile = upload?.with?.sarif_file ?? '';
    expect(upload?.with?.category).toBe('bulkhead');
    expect(sarifFile).toBe(run.outputs.report);
    const sarif = JSON.parse(readFileSync(sarifFile, 'utf8')) as { runs: { results: { ruleId: string; locations: { physicalLocation: { artifactLocation: { uri: string } } }[] }[] }[] };
    const ajv = new Ajv({ allErrors: true, strict: false });
    addFormats.default(ajv);
    const validate = ajv.compile(sarifSchema);
    expect(validate(sarif), JSON.stringify(validate.errors, null, 2)).toBe(true);
    const uris = new Set(sarif.runs[0]?.results.map((result) => result.locations[0]?.physicalLocation.artifactLocation.uri));
    expect([...uris].sort()).toEqual(['Dockerfile', 'deployment.yaml', 'my%20manifests/pod.yaml']);
    expect(fail).toMatchObject({ ran: true, status: 1 });
    expect(fail?.stdout).toContain('::error::bulkhead found findings at or above severity high');
    expect(run.status).toBe(1);
    expect(run.outputs['exit-code']).toBe('1');
  });

  it('fail-on none: the upload still runs and the action passes; format text prints to the log and uploads nothing', () => {
    const none = runAction({ paths: 'deployment.yaml Dockerfile', 'fail-on': 'none' });
    expect(none.run.status).toBe(0);
    expect(none.run.steps.map((step) => [step.name, step.ran])).toEqual([['Install bulkhead', true], ['Run bulkhead check', true], ['Upload SARIF to code scanning', true], ['Fail on findings', false]]);
    const text = runAction({ paths: 'deployment.yaml', format: 'text', 'fail-on': 'critical' });
    expect(text.run.steps[1]?.stdout).toContain('BH-CK-002');
    expect(text.run.steps[2]?.ran).toBe(false);
    expect(text.run.status).toBe(1);
  });

  it('a path cannot inject shell code, and a missing path is exit 2 after the report is written', () => {
    const { workspace, run } = runAction({ paths: 'deployment.yaml $(touch injected) `touch injected2` missing.yaml', 'fail-on': 'none' });
    expect(existsSync(join(workspace, 'injected')) || existsSync(join(workspace, 'injected2')) || existsSync(join(workspace, '..', 'injected'))).toBe(false);
    expect(run.steps[1]?.outputs['exit-code']).toBe('2');
    expect(run.steps[2]?.ran, 'the findings of the other paths are still uploaded').toBe(true);
    expect(run.status).toBe(2);
  });
});

describe('the pre-commit hooks (.pre-commit-hooks.yaml)', () => {
  const hooks = parse(readFileSync(join(root, '.pre-commit-hooks.yaml'), 'utf8')) as { id: string; name: string; entry: string; language: string; files: string }[];

  it('declare id, name, entry, language and a files pattern that picks container artifacts', () => {
    expect(hooks.map((hook) => [hook.id, hook.language])).toEqual([['bulkhead', 'node'], ['bulkhead-system', 'system']]);
    for (const hook of hooks) {
      // pre-commit matches with Python's re.search; this pattern means the same in JavaScript.
      const files = new RegExp(hook.files);
      for (const path of ['Dockerfile', 'app/Dockerfile.prod', 'Containerfile', 'build/api.dockerfile', 'k8s/deploy.yaml', 'compose.yml', 'etc/docker/daemon.json']) expect(files.test(path), `${hook.id} ${path}`).toBe(true);
      for (const path of ['README.md', 'src/app.ts', 'Dockerfile.d/notes.txt']) expect(files.test(path), `${hook.id} ${path}`).toBe(false);
    }
  });

  it('run bulkhead on the changed files as pre-commit does: findings fail the commit, other YAML and JSON are skipped', () => {
    const node = required(nodes[20], 'Node 20');
    // The project of the install test, which has bulkhead-kb in node_modules (what bulkhead-system expects).
    mkdirSync(join(app, 'hook', '.github'), { recursive: true });
    copyFileSync(privilegedFixture, join(app, 'hook', 'deployment.yaml'));
    writeFileSync(join(app, 'hook', 'package.json'), '{"name":"app"}\n');
    writeFileSync(join(app, 'hook', '.github', 'ci.yml'), 'on: push\njobs: {}\n');
    const files = ['hook/deployment.yaml', 'hook/package.json', 'hook/.github/ci.yml'];
    for (const hook of hooks) {
      const [command = '', ...args] = hook.entry.split(' ');
      // language: node puts the installed package's bin first on PATH; system finds it through npx in the project.
      const path = hook.language === 'node' ? [dirname(bin), dirname(node), ...userPath] : [dirname(node), ...userPath];
      const result = spawnSync(command, [...args, ...files], { cwd: app, encoding: 'utf8', env: envWith(node, { PATH: path.join(delimiter), npm_config_cache: join(work, 'npm-cache') }) });
      expect(result.stderr, hook.id).toBe('');
      expect(result.status, hook.id).toBe(1);
      expect(result.stdout, hook.id).toContain('BH-CK-002');
      expect(result.stdout, hook.id).toContain('in 1 file checked, 2 skipped (not a container artifact)');
    }
  });
});
