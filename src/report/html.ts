/**
 * `bulkhead report --format html`: one self-contained file. Inline CSS only, no script, no font,
 * no image, and a Content-Security-Policy that forbids loading anything, so it makes no request
 * opened from file:// or mailed around; links to the site's pages are plain navigations.
 * Colours are the site's (src/styles/bulkhead.css severities, Starlight-like greys and accent),
 * light and dark from prefers-color-scheme; print CSS lays it out on A4 in the light colours.
 * Everything that comes from input (file names, objects, messages, rule IDs) is escaped.
 */
import { escapeHtmlAttribute } from '../model/escape-html.ts';
import { SCANNER_LABELS, SEVERITIES, type Severity } from '../model/vocabulary.ts';
import type { ReportDocument } from './document.ts';
import type { OtherFinding, ReportFinding, Source, Tool } from './model.ts';

/** Input lands in text and in a quoted href alike: the attribute escape is safe for both. */
const e = escapeHtmlAttribute;

/** Only http(s) links are written as links: a report never carries a javascript: URL, whatever its input. */
function link(url: string, text: string): string {
  return /^https?:\/\//i.test(url) ? `<a href="${e(url)}">${text}</a>` : text;
}

const toolName = (tool: Tool): string => (tool === 'bulkhead' ? 'Bulkhead' : SCANNER_LABELS[tool]);
const plural = (count: number, one: string, many = `${one}s`): string => `${count} ${count === 1 ? one : many}`;

const CSS = `
:root{color-scheme:light dark;--bg:#fff;--fg:#17181c;--muted:#545861;--line:#d7d9de;--panel:#f5f6f8;--accent:#3047c9;--accent-fg:#fff;
--bh-critical:#8b0000;--bh-high:#a33a00;--bh-medium:#6b5200;--bh-low:#2f5d3a;--bh-critical-bg:#fde8e8;--bh-high-bg:#fdeede;--bh-medium-bg:#fbf3d5;--bh-low-bg:#e6f3e9;
--present:#a33a00;--present-bg:#fdeede;--found:#2f5d3a;--found-bg:#e6f3e9;--unassessed:#545861;--unassessed-bg:#eceef1;
font-family:system-ui,-apple-system,'Segoe UI',Roboto,'Helvetica Neue',Arial,sans-serif;line-height:1.5}
@media (prefers-color-scheme:dark){:root{--bg:#17181c;--fg:#eceef2;--muted:#aab0bb;--line:#3a3d45;--panel:#22242a;--accent:#a8b8ff;--accent-fg:#17181c;
--bh-critical:#ffb3b3;--bh-high:#ffc499;--bh-medium:#f3dc8a;--bh-low:#a8dcb5;--bh-critical-bg:#4a1414;--bh-high-bg:#472512;--bh-medium-bg:#3d3310;--bh-low-bg:#1b3322;
--present:#ffc499;--present-bg:#472512;--found:#a8dcb5;--found-bg:#1b3322;--unassessed:#c5cad3;--unassessed-bg:#2c2f36}}
*{box-sizing:border-box}
body{margin:0;background:var(--bg);color:var(--fg);font-size:1rem}
main{max-width:64rem;margin:0 auto;padding:1.5rem 1.25rem 3rem}
a{color:var(--accent)}
a:focus-visible{outline:2px solid var(--accent);outline-offset:2px}
h1{font-size:1.9rem;line-height:1.2;margin:.2rem 0 .5rem}
h2{font-size:1.4rem;margin:2.2rem 0 .6rem;padding-top:.4rem;border-top:1px solid var(--line)}
h3{font-size:1.1rem;margin:1.4rem 0 .4rem}
p{margin:.4rem 0}
code,.mono{font-family:ui-monospace,'SFMono-Regular',Menlo,Consolas,'Liberation Mono',monospace;font-size:.88em;overflow-wrap:anywhere}
.brand{display:flex;align-items:center;gap:.5rem;font-weight:700;color:var(--muted);letter-spacing:.02em}
.brand svg{width:1.4rem;height:1.4rem}
.lede{font-size:1.1rem;color:var(--muted);max-width:48rem}
.meta{font-size:.85rem;color:var(--muted)}
.totals{display:grid;grid-template-columns:repeat(3,minmax(0,1fr));gap:.75rem;margin:1.2rem 0}
.total{padding:.8rem 1rem;border-radius:.6rem;border:1px solid var(--line)}
.total strong{display:block;font-size:2rem;line-height:1.1}
.total.present{background:var(--present-bg);color:var(--present);border-color:currentColor}
.total.not-found{background:var(--found-bg);color:var(--found);border-color:currentColor}
.total.not-assessed{background:var(--unassessed-bg);color:var(--unassessed);border-color:currentColor}
table{border-collapse:collapse;width:100%;font-size:.95rem}
th,td{text-align:left;padding:.45rem .6rem;border-bottom:1px solid var(--line);vertical-align:top}
th{font-weight:600;color:var(--muted);font-size:.85rem}
td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}
.badge{display:inline-block;padding:.05em .5em;border-radius:.3em;border:1px solid currentColor;font-size:.8rem;font-weight:600;white-space:nowrap;text-transform:capitalize}
.sev-critical{color:var(--bh-critical);background:var(--bh-critical-bg)}
.sev-high{color:var(--bh-high);background:var(--bh-high-bg)}
.sev-medium{color:var(--bh-medium);background:var(--bh-medium-bg)}
.sev-low{color:var(--bh-low);background:var(--bh-low-bg)}
.status-present{color:var(--present);background:var(--present-bg)}
.status-not-found{color:var(--found);background:var(--found-bg)}
.status-not-assessed{color:var(--unassessed);background:var(--unassessed-bg)}
ol.first{padding-left:1.4rem}
ol.first li{margin:.6rem 0;padding:.6rem .8rem;border:1px solid var(--line);border-radius:.6rem;background:var(--panel)}
ol.first li.top{border-color:var(--accent)}
.score{float:right;margin-left:.5rem;font-size:.85rem;color:var(--muted)}
.risk{margin:1rem 0;padding:.8rem 1rem;border:1px solid var(--line);border-left:4px solid var(--present);border-radius:.5rem;break-inside:avoid-page}
.risk h3{margin:0 0 .3rem;display:flex;flex-wrap:wrap;gap:.4rem;align-items:baseline}
ul.findings{list-style:none;padding:0;margin:.4rem 0 0}
ul.findings>li{padding:.5rem 0;border-top:1px solid var(--line);break-inside:avoid}
.where{display:flex;flex-wrap:wrap;gap:.2rem 1rem}
.object{font-weight:600}
ul.sources{list-style:none;padding:0;margin:.3rem 0 0;display:flex;flex-wrap:wrap;gap:.3rem}
ul.sources li{padding:.1rem .5rem;border:1px solid var(--line);border-radius:999px;font-size:.8rem;background:var(--panel)}
ul.sources li.own{border-color:var(--accent)}
.message{color:var(--muted);font-size:.9rem;margin:.2rem 0 0;overflow-wrap:anywhere}
.quiet{list-style:none;padding:0;margin:.3rem 0}
.quiet li{padding:.3rem 0;border-bottom:1px solid var(--line);font-size:.92rem}
.reason{display:block;color:var(--muted);font-size:.85rem}
.errors{border:1px solid var(--bh-critical);background:var(--bh-critical-bg);color:var(--fg);padding:.6rem 1rem;border-radius:.5rem}
.table-scroll{overflow-x:auto}
footer{margin-top:3rem;font-size:.8rem;color:var(--muted)}
@media (max-width:40rem){
 main{padding:1rem .9rem 2rem}
 h1{font-size:1.5rem}
 .totals{gap:.4rem}
 .total{padding:.5rem .6rem}
 .total strong{font-size:1.5rem}
 .total span{font-size:.8rem}
 .score{float:none;display:block}
 table.stack thead{display:none}
 table.stack tr{display:grid;grid-template-columns:repeat(3,1fr);border-bottom:1px solid var(--line);padding:.3rem 0}
 table.stack td{border:0;padding:.15rem .3rem}
 table.stack td:first-child{grid-column:1/-1;font-weight:600}
 table.stack td.n{text-align:left}
 table.stack td.n::before{content:attr(data-label) ' ';color:var(--muted);font-size:.8rem}
 table.others thead{display:none}
 table.others tr{display:block;border-bottom:1px solid var(--line);padding:.4rem 0}
 table.others td{display:block;border:0;padding:.1rem 0}
 table.others td[data-label]::before{content:attr(data-label) ': ';color:var(--muted);font-size:.85rem}
}
@page{size:A4;margin:14mm 12mm}
@media print{
 :root{color-scheme:light;--bg:#fff;--fg:#000;--muted:#444;--line:#bbb;--panel:#fff;--accent:#1f35a8;
 --bh-critical:#8b0000;--bh-high:#a33a00;--bh-medium:#6b5200;--bh-low:#2f5d3a;--bh-critical-bg:#fff;--bh-high-bg:#fff;--bh-medium-bg:#fff;--bh-low-bg:#fff;
 --present:#a33a00;--present-bg:#fff;--found:#2f5d3a;--found-bg:#fff;--unassessed:#444;--unassessed-bg:#fff}
 body{font-size:10pt}
 main{max-width:none;padding:0}
 h2{break-after:avoid}
 h3{break-after:avoid}
 a{color:inherit;text-decoration:none}
 .table-scroll{overflow:visible}
}
`;

/** The site's logo mark, inline (a container in a bulkhead), so the report needs no image file. */
const LOGO = '<svg viewBox="0 0 24 24" aria-hidden="true" fill="none" stroke="currentColor" stroke-width="2" stroke-linejoin="round"><path d="M3 7l9-4 9 4v10l-9 4-9-4z"/><path d="M12 3v18M3 7l9 4 9-4"/></svg>';

function severityBadge(severity: Severity): string {
  return `<span class="badge sev-${severity}">${severity}</span>`;
}

function sourceItem(source: Source): string {
  const relation = source.tool === 'bulkhead' || source.relation === 'same' ? '' : ` <span title="how the rule compares with Bulkhead's check">(${e(source.relation)})</span>`;
  return `<li class="${source.tool === 'bulkhead' ? 'own' : ''}">${e(toolName(source.tool))} <code>${e(source.ruleId)}</code>${relation}</li>`;
}

function location(file: string | undefined, line: number | undefined): string {
  if (!file) return '';
  return `<span class="mono">${e(file)}${line !== undefined ? `:${line}` : ''}</span>`;
}

function findingItem(finding: ReportFinding): string {
  const messages = [...new Set(finding.sources.map((source) => source.message).filter((message) => message.length > 0))].slice(0, 2);
  return `<li><div class="where"><span class="object">${e(finding.object)}</span>${location(finding.file, finding.line)}</div>
${messages.map((message) => `<p class="message">${e(message)}</p>`).join('')}
<ul class="sources" aria-label="Sources that agree">${finding.sources.map(sourceItem).join('')}</ul></li>`;
}

function otherRow(other: OtherFinding): string {
  return `<tr><td>${e(SCANNER_LABELS[other.tool])} <code>${e(other.ruleId)}</code></td><td data-label="Why">${e(other.reason.replace('-', ' '))}</td><td data-label="Where">${e(other.object ?? '')}${other.file ? `<br>${location(other.file, other.line)}` : ''}</td><td>${e(other.message)}<span class="reason">${e(other.explanation)}</span></td></tr>`;
}

export function formatReportHtml(document: ReportDocument): string {
  const { summary } = document;
  const findingsByRisk = new Map<string, ReportFinding[]>();
  for (const finding of document.findings) findingsByRisk.set(finding.riskId, [...(findingsByRisk.get(finding.riskId) ?? []), finding]);
  const mitigationTitle = new Map(document.mitigations.map((row) => [row.id, row]));
  const riskById = new Map(document.risks.map((risk) => [risk.id, risk]));

  const inputs = [
    ...document.inputs.artifacts.map((artifact) => `<li><span class="mono">${e(artifact.file)}</span> <span class="meta">${e(artifact.kind)}</span></li>`),
    ...document.inputs.scannerReports.map((input) => `<li><span class="mono">${e(input.file)}</span> <span class="meta">${e(input.format)}, ${plural(input.findings, 'finding')}, ${plural(input.rulesRun, 'rule')} run${input.listsPasses ? '' : ' (only rules with findings are known to have run)'}</span></li>`),
  ];
  const errors = document.inputs.errors.length > 0
    ? `<div class="errors" role="alert"><strong>${plural(document.inputs.errors.length, 'input')} could not be read; the report is built from the rest.</strong><ul>${document.inputs.errors.map((error) => `<li><span class="mono">${e(error.file)}</span>: ${e(error.message)}</li>`).join('')}</ul></div>`
    : '';

  const stageTable = `<div class="table-scroll"><table class="stack"><thead><tr><th>Stage</th><th class="n">Present</th><th class="n">Not found</th><th class="n">Not assessed</th></tr></thead><tbody>
${summary.stages.map((stage) => `<tr><td>${link(stage.url, e(stage.title))}</td><td class="n" data-label="Present">${stage.present}</td><td class="n" data-label="Not found">${stage.notFound}</td><td class="n" data-label="Not assessed">${stage.notAssessed}</td></tr>`).join('\n')}
</tbody></table></div>`;

  const first = document.mitigations.length === 0
    ? '<p>No present risk: nothing to fix first. Check the risks not assessed below before you call the system clean.</p>'
    : `<ol class="first">${document.mitigations
        .slice(0, 10)
        .map((row, index) => `<li class="${index < 3 ? 'top' : ''}"><span class="score">score ${row.score}</span><strong>${link(row.url, e(row.title))}</strong> <span class="meta">${e(row.id)}</span>
<p class="meta">Addresses ${plural(row.risks.length, 'present risk')} (${row.risks.map((id) => { const risk = riskById.get(id); return risk ? link(`${risk.url}`, e(risk.title)) : e(id); }).join(', ')}) and would remove ${plural(row.findings, 'finding')}.</p></li>`)
        .join('\n')}</ol>${document.mitigations.length > 10 ? `<p class="meta">${document.mitigations.length - 10} more mitigations address present risks; the JSON report lists them all.</p>` : ''}`;

  const stages = summary.stages.map((stage) => {
    const risks = document.risks.filter((risk) => risk.stage === stage.key);
    const present = risks.filter((risk) => risk.status === 'present');
    const notFound = risks.filter((risk) => risk.status === 'not-found');
    const notAssessed = risks.filter((risk) => risk.status === 'not-assessed');
    const presentHtml = present.map((risk) => {
      const findings = findingsByRisk.get(risk.id) ?? [];
      const fixes = [...new Set(findings.flatMap((finding) => finding.mitigations))].map((id) => mitigationTitle.get(id)).filter((row) => row !== undefined);
      return `<section class="risk" aria-labelledby="risk-${e(risk.id)}"><h3 id="risk-${e(risk.id)}">${severityBadge(risk.severity)} ${link(risk.url, e(risk.title))} <span class="meta">${e(risk.id)}</span></h3>
<p class="meta">${plural(findings.length, 'finding')}${fixes.length > 0 ? `; fixed by ${fixes.map((row) => link(row.url, e(row.title))).join(', ')}` : ''}</p>
<ul class="findings">${findings.map(findingItem).join('\n')}</ul></section>`;
    });
    const quiet = (title: string, list: typeof risks, status: string) => list.length === 0 ? '' : `<h3>${title} (${list.length})</h3><ul class="quiet">${list.map((risk) => `<li><span class="badge status-${status}">${status.replace('-', ' ')}</span> ${link(risk.url, e(risk.title))} <span class="meta">${e(risk.id)}</span><span class="reason">${e(risk.reason)}</span></li>`).join('')}</ul>`;
    return `<section aria-labelledby="stage-${e(stage.key)}"><h2 id="stage-${e(stage.key)}">${link(stage.url, e(stage.title))}</h2>
<p class="meta">${stage.present} present, ${stage.notFound} not found, ${stage.notAssessed} not assessed</p>
${presentHtml.join('\n') || '<p>No risk of this stage is present in what was read.</p>'}
${quiet('Not found', notFound, 'not-found')}
${quiet('Not assessed', notAssessed, 'not-assessed')}</section>`;
  });

  const others = document.otherFindings.length === 0 ? '' : `<section aria-labelledby="other"><h2 id="other">Findings outside the risks (${document.otherFindings.length})</h2>
<p>Scanner findings that Bulkhead does not count towards a risk: out of scope, not mapped yet, not in its catalog, or left to a person. They are listed so that none is lost.</p>
<div class="table-scroll"><table class="others"><thead><tr><th>Rule</th><th>Why</th><th>Where</th><th>Finding</th></tr></thead><tbody>${document.otherFindings.map(otherRow).join('\n')}</tbody></table></div></section>`;

  const kb = document.knowledgeBase;
  const severities = SEVERITIES.join(', ');
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'">
<meta name="color-scheme" content="light dark">
<meta name="generator" content="bulkhead ${e(document.toolVersion)}">
<title>Threat model report · Bulkhead</title>
<style>${CSS}</style>
</head>
<body>
<main>
<header>
<div class="brand">${LOGO}<span>Bulkhead</span></div>
<h1>Threat model of your system</h1>
<p class="lede">The risks of NIST SP 800-190 as they stand in what was read: present (found), not found (what can detect them ran and found nothing) or not assessed (nothing that ran can detect them).</p>
</header>
${errors}
<section aria-labelledby="summary"><h2 id="summary">Summary</h2>
<div class="totals"><div class="total present"><strong>${summary.present}</strong><span>risks present</span></div><div class="total not-found"><strong>${summary.notFound}</strong><span>not found</span></div><div class="total not-assessed"><strong>${summary.notAssessed}</strong><span>not assessed</span></div></div>
${stageTable}
<p class="meta">${plural(summary.findings, 'finding')} about risks (findings about the same object and risk merged), ${plural(summary.otherFindings, 'other finding')}.</p>
</section>
<section aria-labelledby="first"><h2 id="first">Do these first</h2>
<p class="meta">Mitigations ranked by the present risks and findings they address, weighted by severity (${severities}: 8, 4, 2, 1).</p>
${first}
</section>
${stages.join('\n')}
${others}
<section aria-labelledby="inputs"><h2 id="inputs">What was read</h2>
<ul class="quiet">${inputs.join('') || '<li>Nothing.</li>'}</ul></section>
<footer>Written by bulkhead ${e(document.toolVersion)}${kb ? ` from the knowledge base at ${e(kb.commit.slice(0, 12))} (${e(kb.date)})${kb.modified ? ', with local changes' : ''}` : ''}. ${link(document.siteUrl, e(document.siteUrl.replace(/^https?:\/\//, '')))}</footer>
</main>
</body>
</html>
`;
}
