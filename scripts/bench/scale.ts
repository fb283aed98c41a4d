/**
 * npm run bench:scale — generates synthetic content of 1,000 and 5,000 risks (one mitigation and
 * one check per risk, a distinct attack-path diagram each) into temporary folders, builds each
 * twice (cold diagram cache, then warm), and prints build seconds, seconds per page, peak memory
 * of the whole process tree (cold and warm) and dist size. Budget: 5,000 costs at most 5.5× 1,000, under 4
 * minutes, peak memory under 4 GB. `--sizes 200,1000` picks other sizes.
 */
import { spawn, spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { STAGES } from '../../src/model/vocabulary.ts';

const sizesArgument = process.argv.indexOf('--sizes');
const SIZES = sizesArgument > 0 ? (process.argv[sizesArgument + 1] ?? '').split(',').map(Number) : [1000, 5000];
const SEVERITIES = ['critical', 'high', 'medium', 'low'];

function generate(root: string, risks: number): void {
  const content = join(root, 'content');
  for (const folder of ['risks', 'mitigations', 'checks', 'concepts', 'incidents']) mkdirSync(join(content, folder), { recursive: true });
  cpSync('tests/fixtures/content/stages', join(content, 'stages'), { recursive: true });
  cpSync('tests/fixtures/content/sources', join(content, 'sources'), { recursive: true });
  const pad = (n: number) => String(n).padStart(4, '0');
  for (let n = 1; n <= risks; n++) {
    const stage = STAGES[n % STAGES.length];
    const words = `synthetic risk ${n} of the ${stage} stage with attack step ${n * 7}`;
    writeFileSync(
      join(content, 'risks', `bh-r-${pad(n)}-synthetic.mdx`),
      `---\nid: BH-R-${pad(n)}\ntitle: Synthetic risk ${n}\nsummary: A generated risk used to measure how the build scales, number ${n}.\nupdated: 2026-11-24\nstage: ${stage}\nseverity: ${SEVERITIES[n % 4]}\nmitigations: [BH-M-${pad(n)}]\nframeworks:\n  nist: ["3.${(n % 5) + 1}.1"]\ncitations:\n  - source: nist-sp-800-190\nattackPath: |\n  flowchart LR\n    A["Attacker ${n}"] --> B["Step ${n * 7}"] --> C["Impact ${n}"]\nattackPathAlt: The attacker goes through step ${n * 7} to impact ${n}.\n---\n\n## Mechanism\n\n${words}.\n\n## Preconditions\n\n${words}.\n\n## Impact\n\n${words}.\n\n## Detection\n\n${words}.\n`,
    );
    writeFileSync(
      join(content, 'mitigations', `bh-m-${pad(n)}-synthetic.mdx`),
      `---\nid: BH-M-${pad(n)}\ntitle: Synthetic mitigation ${n}\nsummary: A generated mitigation used to measure how the build scales, number ${n}.\nupdated: 2026-11-24\nenvironments: [kubernetes]\nchecks: [BH-CK-${pad(n)}]\nnist: ["4.${(n % 5) + 1}.1"]\ncitations:\n  - source: nist-sp-800-190\n---\n\n## How to apply\n\n### Kubernetes\n\nApply synthetic setting ${n}.\n\n## Trade-offs\n\nNone for synthetic entry ${n}.\n`,
    );
    mkdirSync(join(content, 'checks', `bh-ck-${pad(n)}-synthetic`));
    writeFileSync(
      join(content, 'checks', `bh-ck-${pad(n)}-synthetic`, 'index.mdx'),
      `---\nid: BH-CK-${pad(n)}\ntitle: Synthetic check ${n}\nsummary: A generated check used to measure how the build scales, number ${n}.\nupdated: 2026-11-24\nverifies: Synthetic setting ${n} is in place.\nenvironments: [kubernetes]\ncommand: kubectl get pods -A\nexpected:\n  pass: No output.\n  fail: One line per pod.\ncitations:\n  - source: k8s-pod-security-standards\n---\n`,
    );
  }
}

/** Resident memory of a process and all its descendants, from /proc. */
function treeRss(pid: number): number {
  const children = new Map<number, number[]>();
  for (const name of readdirSync('/proc').filter((entry) => /^\d+$/.test(entry))) {
    try {
      const ppid = Number(/PPid:\s+(\d+)/.exec(readFileSync(`/proc/${name}/status`, 'utf8'))?.[1]);
      children.set(ppid, [...(children.get(ppid) ?? []), Number(name)]);
    } catch {
      // the process ended while we looked
    }
  }
  let total = 0;
  const stack = [pid];
  while (stack.length > 0) {
    const current = stack.pop() ?? 0;
    try {
      total += Number(/VmRSS:\s+(\d+)/.exec(readFileSync(`/proc/${current}/status`, 'utf8'))?.[1] ?? 0) * 1024;
    } catch {
      // ended
    }
    stack.push(...(children.get(current) ?? []));
  }
  return total;
}

function dirSize(path: string): number {
  return readdirSync(path, { withFileTypes: true, recursive: true }).reduce((sum, item) => (item.isFile() ? sum + statSync(join(item.parentPath, item.name)).size : sum), 0);
}

/**
 * A private copy of the project so the benchmark's Astro caches and generated .astro/ folder
 * never touch the working tree's. node_modules is hard-linked (fast, no extra space); a symlink
 * would make Vite see two paths for every module.
 */
function projectCopy(root: string): string {
  const copy = join(root, 'project');
  mkdirSync(copy);
  for (const item of ['astro.config.mjs', 'tsconfig.json', 'package.json', 'src', 'public', 'CONTRIBUTING.md', 'tests', 'scripts']) cpSync(item, join(copy, item), { recursive: true });
  const linked = spawnSync('cp', ['-al', 'node_modules', join(copy, 'node_modules')], { stdio: 'inherit' });
  if (linked.status !== 0) throw new Error('could not hard-link node_modules into the benchmark copy');
  return copy;
}

async function build(root: string, project: string, cacheDir: string): Promise<{ seconds: number; peak: number; pages: number; size: number }> {
  const out = join(root, 'dist');
  // Astro's content-layer store remembers entries of earlier content trees: start each build clean.
  rmSync(join(project, '.astro'), { recursive: true, force: true });
  rmSync(join(root, 'astro-cache'), { recursive: true, force: true });
  const started = performance.now();
  const child = spawn(process.execPath, ['scripts/build.ts', '--outDir', out], { cwd: project, env: { ...process.env, BULKHEAD_CONTENT_DIR: join(root, 'content'), BULKHEAD_DIAGRAM_CACHE: cacheDir, BULKHEAD_ASTRO_CACHE_DIR: join(root, 'astro-cache') }, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  let peak = 0;
  const timer = setInterval(() => (peak = Math.max(peak, treeRss(child.pid ?? 0))), 250);
  const code = await new Promise<number | null>((resolve) => child.on('exit', resolve));
  clearInterval(timer);
  if (code !== 0) throw new Error(`build of ${root} failed:\n${stderr.slice(-2000)}`);
  const pages = readdirSync(out, { recursive: true, withFileTypes: true }).filter((item) => item.isFile() && item.name === 'index.html').length;
  return { seconds: (performance.now() - started) / 1000, peak, pages, size: dirSize(out) };
}

const rows: { risks: number; cold: Awaited<ReturnType<typeof build>>; warm: Awaited<ReturnType<typeof build>> }[] = [];
for (const risks of SIZES) {
  const root = mkdtempSync(join(tmpdir(), `bulkhead-scale-${risks}-`));
  const cacheDir = join(root, 'diagram-cache');
  try {
    generate(root, risks);
    const project = projectCopy(root);
    const cold = await build(root, project, cacheDir);
    const warm = await build(root, project, cacheDir);
    rows.push({ risks, cold, warm });
    console.log(`${risks} risks: cold ${cold.seconds.toFixed(1)} s, warm ${warm.seconds.toFixed(1)} s, ${warm.pages} pages`);
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
console.log('\n| risks | pages | cold build | warm build | s/page (warm) | peak memory cold | peak memory warm | dist size |');
console.log('|---|---|---|---|---|---|---|---|');
for (const { risks, cold, warm } of rows) console.log(`| ${risks} | ${warm.pages} | ${cold.seconds.toFixed(1)} s | ${warm.seconds.toFixed(1)} s | ${(warm.seconds / warm.pages * 1000).toFixed(1)} ms | ${mb(cold.peak)} | ${mb(warm.peak)} | ${mb(warm.size)} |`);
const [small, large] = rows;
if (small && large) console.log(`\ngrowth ${small.risks}→${large.risks} risks: cold ×${(large.cold.seconds / small.cold.seconds).toFixed(2)}, warm ×${(large.warm.seconds / small.warm.seconds).toFixed(2)} (budget ×${((large.risks / small.risks) * 1.1).toFixed(1)})`);
