/**
 * Issue 17, scale: 100,000 unknown rule IDs took over a minute (a list searched per finding), and
 * a report of 100 MB was parsed into objects and serialised again. Both are generated here.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runLinkCommand } from '../../src/linker/command.ts';
import { linkReport } from '../../src/linker/link.ts';
import { siteUrl } from '../../src/model/urls.ts';
import { trivyReport } from './linker-support.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'bulkhead-link-scale-'));

/** Reports the child's peak resident memory on standard error as it exits. */
const PEAK_RSS_HOOK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss-kib "+process.resourceUsage().maxRSS+"\\n"))';

describe('100,000 unknown rule IDs', () => {
  const findings = Array.from({ length: 100_000 }, (_, index) => `{"ID": "XKSV${index}", "AVDID": "AVD-XKSV-${index}", "References": []}`).join(', ');
  const input = trivyReport(findings);

  it('are listed once each, in order, in well under a second of CPU time', () => {
    // CPU time, not wall time: the test machine is shared, and waiting for a core is not the linker's cost.
    const before = process.cpuUsage();
    const result = linkReport(input);
    const used = process.cpuUsage(before);
    expect(result.unknown).toHaveLength(100_000);
    expect(result.unknown.slice(0, 2)).toEqual(['AVD-XKSV-0', 'AVD-XKSV-1']);
    expect(result.text).toBe(input);
    const milliseconds = (used.user + used.system) / 1000;
    expect(milliseconds, `${milliseconds.toFixed(0)} ms of CPU time`).toBeLessThan(1000);
  });

  it('are summarised in one line: the first 20, then a count', async () => {
    let stderr = '';
    const code = await runLinkCommand({ argv: [], cwd: ROOT, stdout: () => {}, stderr: (text) => (stderr += text), readStdin: () => Buffer.from(input) }, { loadStanding: async () => undefined });
    expect(code).toBe(0);
    expect(stderr).toMatch(/^\(stdin\): trivy-json, 0 findings linked to Bulkhead; not catalogued \(100000\): AVD-XKSV-0, AVD-XKSV-1, .*, AVD-XKSV-19 and 99980 more\n$/);
  });
});

describe('a 100 MB report', () => {
  // Numbers JSON.parse would change, a duplicate key and a numeric key in every finding.
  const FINDING = `{"ID": "KSV017", "AVDID": "AVD-KSV-0017", "Title": "Privileged", "Description": "${'Privileged containers share namespaces with the host. '.repeat(10)}", "Severity": "HIGH", "Severity": "HIGH", "PrimaryURL": "https://avd.aquasec.com/misconfig/ksv017", "References": ["https://avd.aquasec.com/misconfig/ksv017"], "CauseMetadata": {"StartLine": 18, "10": 1, "2": 2, "Numbers": [12345678901234567890, -0, 1.0, 1e400]}}`;
  const ADDED = Buffer.from(`, ${JSON.stringify(`${siteUrl()}/ref/trivy/ksv-0017/`)}`);

  /** Writes the report in 1 MiB blocks, so the test itself never holds it as one string. */
  function writeReport(path: string, targetBytes: number): number {
    const descriptor = openSync(path, 'w');
    const perBlock = Math.floor((1024 * 1024) / (FINDING.length + 2));
    const block = Buffer.from(`,\n${FINDING}`.repeat(perBlock));
    let findings = 1;
    writeSync(descriptor, `\uFEFF{"SchemaVersion": 2, "Results": [{"Target": "k8s/", "Misconfigurations": [\n${FINDING}`);
    for (let written = 0; written < targetBytes; written += block.length) {
      writeSync(descriptor, block);
      findings += perBlock;
    }
    writeSync(descriptor, ']}]}\n');
    closeSync(descriptor);
    return findings;
  }

  /** Links `input` into `output` in a child with a 64 MB heap, and returns its exit, standard error and peak memory. */
  function linkInChild(input: string, output: string) {
    const descriptor = openSync(output, 'w');
    const result = spawnSync(process.execPath, ['--max-old-space-size=64', '--import', PEAK_RSS_HOOK, 'scripts/link-findings.ts', input], { cwd: ROOT, stdio: ['ignore', descriptor, 'pipe'], encoding: 'utf8' });
    closeSync(descriptor);
    const peak = Number(/maxrss-kib (\d+)/.exec(result.stderr)?.[1] ?? 'NaN') * 1024;
    return { status: result.status, stderr: result.stderr.replace(/maxrss-kib \d+\n/, ''), peak };
  }

  it('is linked by a process with a 64 MB heap, in memory of about the input once, and changes nothing else', () => {
    const input = join(scratch, 'big.json');
    const findings = writeReport(input, 100 * 1024 * 1024);
    const size = statSync(input).size;
    const small = linkInChild(join(ROOT, 'tests', 'fixtures', 'findings', 'trivy.json'), join(scratch, 'small.out'));
    const big = linkInChild(input, join(scratch, 'big.out'));
    expect(big.stderr).toBe(`${input}: trivy-json, ${findings} findings linked to Bulkhead\n`);
    expect(big.status).toBe(0);
    // The input is held once; parsing it into objects took several times its size and would not fit the heap.
    expect(big.peak - small.peak).toBeLessThan(2 * size);

    // The output is the input with one link appended to each finding's References and nothing else.
    const before = readFileSync(input);
    const after = readFileSync(join(scratch, 'big.out'));
    expect(after.length).toBe(before.length + findings * ADDED.length);
    let inputAt = 0;
    let outputAt = 0;
    let links = 0;
    let differing = 0;
    for (let found = after.indexOf(ADDED, outputAt); found !== -1; found = after.indexOf(ADDED, outputAt)) {
      const length = found - outputAt;
      if (!after.subarray(outputAt, found).equals(before.subarray(inputAt, inputAt + length))) differing++;
      inputAt += length;
      outputAt = found + ADDED.length;
      links++;
    }
    expect(differing).toBe(0);
    expect(links).toBe(findings);
    expect(after.subarray(outputAt).equals(before.subarray(inputAt))).toBe(true);
  }, 60_000);
});
