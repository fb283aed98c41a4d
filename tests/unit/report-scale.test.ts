/**
 * `bulkhead report` on a 100 MB Trivy report: read with the linker's one-pass reader, findings
 * kept once per distinct row, the JSON written in pieces. Run in a child with a 64 MB heap, its
 * peak memory above a small report's stays under twice the input (the input is held once).
 * Memory grows with the distinct rows (object × risk), not with the size of the report.
 */
import { spawnSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readFileSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { ReportDocument } from '../../src/report/document.ts';

const ROOT = join(import.meta.dirname, '..', '..');
const scratch = mkdtempSync(join(tmpdir(), 'bulkhead-report-scale-'));
const PEAK_RSS_HOOK = 'data:text/javascript,process.on("exit",()=>process.stderr.write("maxrss-kib "+process.resourceUsage().maxRSS+"\\n"))';
const OBJECTS = 100;

const finding = (index: number) =>
  `{"ID": "KSV017", "AVDID": "AVD-KSV-0017", "Title": "Privileged", "Description": "${'Privileged containers share namespaces with the host. '.repeat(10)}", "Message": "Container 'web' of Deployment 'web-${index % OBJECTS}' should set 'securityContext.privileged' to false", "Severity": "HIGH", "Status": "FAIL", "References": ["https://avd.aquasec.com/misconfig/ksv017"], "CauseMetadata": {"StartLine": 18, "EndLine": 24}}`;

/** Writes the report in blocks of about 1 MiB, so the test never holds it as one string. */
function writeReport(path: string, targetBytes: number): void {
  const descriptor = openSync(path, 'w');
  writeSync(descriptor, `{"SchemaVersion": 2, "Results": [{"Target": "k8s/deploy.yaml", "Misconfigurations": [\n${finding(0)}`);
  let index = 1;
  for (let written = 0; written < targetBytes; ) {
    const block = Buffer.from(Array.from({ length: 1500 }, () => `,\n${finding(index++)}`).join(''));
    writeSync(descriptor, block);
    written += block.length;
  }
  writeSync(descriptor, ']}]}\n');
  closeSync(descriptor);
}

function reportInChild(input: string, output: string) {
  const result = spawnSync(process.execPath, ['--max-old-space-size=64', '--import', PEAK_RSS_HOOK, 'src/cli/run.ts', 'report', '--format', 'json', '--scanner-report', input, '--output', output], { cwd: ROOT, encoding: 'utf8' });
  const peak = Number(/maxrss-kib (\d+)/.exec(result.stderr)?.[1] ?? 'NaN') * 1024;
  return { status: result.status, stderr: result.stderr.replace(/maxrss-kib \d+\n/, ''), peak };
}

describe('bulkhead report: a 100 MB Trivy report', () => {
  it('is reported by a process with a 64 MB heap, in memory of about the input once', () => {
    const input = join(scratch, 'big.json');
    writeReport(input, 100 * 1024 * 1024);
    const size = statSync(input).size;
    const small = reportInChild(join(ROOT, 'tests', 'fixtures', 'findings', 'trivy.json'), join(scratch, 'small.out'));
    const big = reportInChild(input, join(scratch, 'big.out'));
    expect(big.stderr).toBe('');
    expect(big.status).toBe(0);
    expect(big.peak - small.peak).toBeLessThan(2 * size);
    const document = JSON.parse(readFileSync(join(scratch, 'big.out'), 'utf8')) as ReportDocument;
    // Each Deployment is one row per risk KSV-0017 reaches, however often the report repeats it.
    const rows = document.findings.filter((row) => row.sources.some((source) => source.ruleId === 'KSV-0017'));
    const risks = new Set(rows.map((row) => row.riskId));
    expect(risks.has('BH-R-001')).toBe(true);
    expect(rows).toHaveLength(OBJECTS * risks.size);
  }, 60_000);
});
