import { mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { renderDiagrams } from '../../src/diagrams/render.ts';

const cacheDir = mkdtempSync(join(tmpdir(), 'bulkhead-diagrams-'));
afterAll(() => rmSync(cacheDir, { recursive: true, force: true }));

const valid = Array.from({ length: 5 }, (_, index) => ({ file: `content/risks/r${index}.mdx`, field: 'attackPath' as const, source: `flowchart LR\n  A["Attacker ${index}"] --> B["Impact ${index}"]\n` }));
const broken = { file: 'content/risks/broken.mdx', field: 'attackPath' as const, source: 'flowchart LR\n  A --> \n  ((( \n' };

describe('diagram rendering', () => {
  it('renders every diagram once, and reports a broken one by file and field without losing the others', async () => {
    const { stats, problems } = await renderDiagrams([...valid, valid[0] ?? broken, broken], cacheDir);
    expect(stats).toEqual({ total: 6, rendered: 5, cached: 0, browserLaunched: true });
    expect(problems).toEqual([expect.objectContaining({ rule: 'diagram', file: 'content/risks/broken.mdx', field: 'attackPath' })]);
    expect(problems[0]?.message).toMatch(/^Mermaid cannot render this diagram: /);
    expect(readdirSync(cacheDir).filter((name) => name.endsWith('.svg'))).toHaveLength(5);
  }, 60_000);

  it('a rebuild with unchanged diagrams launches no browser', async () => {
    const { stats } = await renderDiagrams(valid, cacheDir);
    expect(stats).toEqual({ total: 5, rendered: 0, cached: 5, browserLaunched: false });
  });
});
