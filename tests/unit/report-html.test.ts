/**
 * The HTML report: one self-contained file that loads nothing, escapes everything that comes from
 * input, and carries the summary by stage, the ranking and the present risks with their findings.
 */
import { describe, expect, it } from 'vitest';
import { reportDocument } from '../../src/report/document.ts';
import { formatReportHtml } from '../../src/report/html.ts';
import { buildReport } from '../../src/report/model.ts';
import type { ScannerReportRead } from '../../src/report/scanner-findings.ts';
import { CHECKS, DATA, privileged } from './helpers/report-fixtures.ts';

const HOSTILE = '<script>alert(1)</script><img src=x onerror=alert(2)>"\'&';

function html(): string {
  const hostile: ScannerReportRead = {
    format: 'trivy-json',
    listsPasses: false,
    ran: [{ scanner: 'trivy', ruleId: 'KSV017' }, { scanner: 'trivy', ruleId: 'KSV999' }],
    findings: [
      { scanner: 'trivy', ruleId: 'KSV017', message: HOSTILE, file: `k8s/${HOSTILE}.yaml`, line: 3, object: { display: `Deployment/${HOSTILE}`, key: 'k8s:deployment:default:x' } },
      { scanner: 'trivy', ruleId: `KSV999${HOSTILE}`, message: HOSTILE, file: 'k8s/a.yaml' },
    ],
  };
  const model = buildReport({ data: DATA, checks: CHECKS, artifacts: [{ file: 'k8s/deploy.yaml', kind: 'kubernetes' }], bulkheadFindings: [{ finding: privileged(), kind: 'kubernetes' }], scannerReports: [{ file: `reports/${HOSTILE}.json`, read: hostile }] });
  const document = reportDocument(model, { toolVersion: '9.9.9', knowledgeBase: undefined, artifacts: [{ file: 'k8s/deploy.yaml', kind: 'kubernetes' }], scannerReports: [{ file: `reports/${HOSTILE}.json`, format: 'trivy-json', findings: 2, rulesRun: 2, listsPasses: false }], errors: [{ file: HOSTILE, message: HOSTILE }] }, 'https://bulkhead.dev');
  return formatReportHtml(document);
}

describe('bulkhead report --format html', () => {
  const page = html();

  it('escapes every string that comes from input', () => {
    expect(page).not.toContain('<script');
    expect(page).not.toContain('<img');
    // No tag carries an event handler: the input's onerror stayed text.
    for (const [tag] of page.matchAll(/<[a-z][^>]*>/gi)) expect(tag).not.toMatch(/\son\w+=/i);
    expect(page).toContain('&lt;script&gt;alert(1)&lt;/script&gt;&lt;img src=x onerror=alert(2)&gt;&quot;&#39;&amp;');
  });

  it('loads nothing: no script, stylesheet, image, font or frame, and a policy that forbids them', () => {
    expect(page).toContain(`<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">`);
    expect(page).not.toMatch(/<(script|link|img|iframe|object|embed)\b/i);
    for (const [tag] of page.matchAll(/<[a-z][^>]*>/gi)) expect(tag).not.toMatch(/\ssrc=/i);
    const css = /<style>([\s\S]*)<\/style>/.exec(page)?.[1] ?? '';
    expect(css).not.toMatch(/url\(|@import/i);
    // Links go to the site's pages only.
    for (const [, href] of page.matchAll(/href="([^"]*)"/g)) expect(href).toMatch(/^https:\/\/bulkhead\.dev(\/|$)/);
  });

  it('has the summary by stage, the ranking, present risks with their findings and the other findings', () => {
    const order = ['id="summary"', 'id="first"', 'id="stage-image"', 'id="stage-orchestration"', 'id="other"', 'id="inputs"'].map((marker) => page.indexOf(marker));
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(page).toContain('<a href="https://bulkhead.dev/mitigations/m-1/">No privileged pods</a>');
    expect(page).toContain('<span class="mono">k8s/deploy.yaml:21</span>');
    expect(page).toMatch(/Trivy <code>KSV-0017<\/code>/);
    expect(page).toContain('@media (prefers-color-scheme:dark)');
    expect(page).toContain('@page{size:A4');
  });
});
