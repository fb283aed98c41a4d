import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { detectFormat, linkFindings, type FindingFormat } from '../../src/linker/link.ts';
import { DEFAULT_SITE_URL } from '../../src/model/urls.ts';

const FIXTURES = join(import.meta.dirname, '..', 'fixtures', 'findings');
const load = (name: string) => JSON.parse(readFileSync(join(FIXTURES, name), 'utf8'));

describe('linking scanner findings to Bulkhead', () => {
  const cases: [string, FindingFormat, (document: ReturnType<typeof load>) => string[]][] = [
    ['trivy.json', 'trivy-json', (document) => document.Results[0].Misconfigurations.map((finding: { PrimaryURL: string }) => finding.PrimaryURL)],
    ['trivy.sarif', 'sarif', (document) => document.runs[0].tool.driver.rules.map((rule: { helpUri: string }) => rule.helpUri)],
    ['kubescape.json', 'kubescape-json', (document) => document.results[0].controls.map((control: { bulkheadUrl: string }) => control.bulkheadUrl)],
    ['kube-bench.json', 'kube-bench-json', (document) => document.Controls[0].tests[0].results.map((result: { bulkhead_url: string }) => result.bulkhead_url)],
    ['docker-bench.json', 'docker-bench-json', (document) => document.tests[0].results.map((result: { url: string }) => result.url)],
    ['checkov.json', 'checkov-json', (document) => document.results.failed_checks.map((finding: { guideline: string }) => finding.guideline)],
  ];
  it.each(cases)('%s: detects %s and points every finding at its /ref/ page', (name, format, links) => {
    const document = load(name);
    expect(detectFormat(document)).toBe(format);
    const report = linkFindings(document, format);
    expect(report.unknown).toEqual([]);
    const urls = links(document);
    expect(report.linked).toBeGreaterThanOrEqual(urls.length);
    for (const url of urls) expect(url).toMatch(new RegExp(`^${DEFAULT_SITE_URL}/ref/[a-z-]+/[a-z0-9._-]+/$`));
  });

  it('maps each printed spelling to the canonical rule page', () => {
    const document = load('trivy.json');
    linkFindings(document, 'trivy-json');
    expect(document.Results[0].Misconfigurations[0].PrimaryURL).toBe(`${DEFAULT_SITE_URL}/ref/trivy/ksv-0017/`);
    expect(document.Results[0].Misconfigurations[0].References).toContain('https://avd.aquasec.com/misconfig/ksv017');
  });

  it('runs as the documented command and reports unknown IDs without failing', () => {
    const result = spawnSync(process.execPath, ['scripts/link-findings.ts', join(FIXTURES, 'kube-bench.json')], { encoding: 'utf8' });
    expect(result.status).toBe(0);
    expect(JSON.parse(result.stdout).Controls[0].tests[0].results[0].bulkhead_url).toBe(`${DEFAULT_SITE_URL}/ref/kube-bench/5.2.2/`);
    expect(result.stderr).toContain('2 findings linked');
  });

  it('refuses input it does not recognise with a one-line error', () => {
    const result = spawnSync(process.execPath, ['scripts/link-findings.ts'], { input: '{"hello": 1}', encoding: 'utf8' });
    expect(result.status).toBe(2);
    expect(result.stderr.trim()).toBe('(stdin): not output of a known scanner; pass --format (trivy-json, kubescape-json, kube-bench-json, docker-bench-json, checkov-json, sarif)');
  });
});
