import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { countPhrase, matchesSelection, stackColumns } from '../../src/client/matrix-view.ts';
import { lowerCaseCandidate, missingSegment } from '../../src/client/not-found.ts';
import { validateContent } from '../../src/integrity/validate.ts';
import { automationFacet, coverageMatrix, frameworkMatrix, scannerMatrix, splitByAutomation, threatMatrix } from '../../src/matrices/builders.ts';
import { editionsPhrase, mergeEditions } from '../../src/matrices/framework-items.ts';
import { cellText, countLabel, countOf } from '../../src/matrices/model.ts';
import { scannersRunBy } from '../../src/matrices/scanner-use.ts';
import { naturalWidth, prepareDiagramSvg } from '../../src/site/diagram-svg.ts';
import { keepFlagsWhole, splitFlags, unbreakableFlags } from '../../src/site/flags.ts';
import { displayedIdentifiers } from '../../src/site/identifier-chips.ts';
import { linkScannerIds } from '../../src/site/link-scanner-ids.ts';
import { presentSections } from '../../src/site/sections.ts';
import { stageLinkLabel } from '../../src/site/stage-labels.ts';

const fixtures = join(import.meta.dirname, '..', 'fixtures');
const { graph } = validateContent(fixtures, { contentDir: join(fixtures, 'content') });

describe('threat matrix', () => {
  const matrix = threatMatrix(graph);
  it('counts risks, not rows, and names them', () => {
    expect(countOf(matrix)).toBe(graph.risks.length);
    expect(countLabel(countOf(matrix), matrix.unit)).toBe(`${graph.risks.length} risks`);
  });
  it('carries the facets of each cell, so filters can act on cells', () => {
    for (const row of matrix.rows) {
      row.cells.forEach((cell, index) => {
        const facets = row.cellFacets?.[index];
        if (cell.kind === 'empty') expect(facets).toBeUndefined();
        else expect(facets?.stage).toEqual([matrix.cellLayout?.columnStages[index]]);
      });
    }
  });
  it('offers the incident filter, which keeps the cells of the risks an incident illustrates', () => {
    expect(matrix.filters).toContain('incident');
    const withIncident = graph.risks.filter((risk) => graph.incidentsOf(risk).length > 0).map((risk) => risk.data.id);
    expect(withIncident.length).toBeGreaterThan(0);
    expect(withIncident.length).toBeLessThan(graph.risks.length);
    const kept = matrix.rows.flatMap((row) =>
      row.cells.flatMap((cell, index) => {
        const facets = row.cellFacets?.[index];
        const values = facets ? { incident: facets.incident.join(' ') } : {};
        return cell.kind === 'items' && matchesSelection(values, { incident: 'yes' }) ? cell.items.map((item) => item.id) : [];
      }),
    );
    expect(kept.sort()).toEqual([...withIncident].sort());
  });
});

describe('counts and plurals', () => {
  it('says "1 risk" and "2 risks"', () => {
    expect(countLabel(1, { singular: 'risk', plural: 'risks' })).toBe('1 risk');
    expect(countLabel(0, { singular: 'row', plural: 'rows' })).toBe('0 rows');
    expect(countPhrase(1, 1, 'risk', 'risks')).toBe('1 of 1 risk');
    expect(countPhrase(6, 41, 'risk', 'risks')).toBe('6 of 41 risks');
  });
});

describe('matrix filters', () => {
  it('keep an element only when it has every chosen value', () => {
    expect(matchesSelection({ stage: 'image', severity: 'critical' }, { stage: 'image', severity: '' })).toBe(true);
    expect(matchesSelection({ stage: 'image registry', severity: 'high' }, { stage: 'registry', severity: 'critical' })).toBe(false);
    expect(matchesSelection({ automation: 'no-automated manual-only' }, { automation: 'no-automated' })).toBe(true);
  });
  it('close up each column so the matching items stand at the top', () => {
    expect(stackColumns([['a1', 'b1', 'a2'], ['b2', 'a3']], (item) => item.startsWith('a'))).toEqual([['a1', 'a2'], ['a3']]);
  });
});

describe('automated and manual checks', () => {
  const [first, second] = graph.checks;
  if (!first || !second) throw new Error('the fixture content has fewer than two checks');
  const automated = { ...first, automation: { ruleFile: 'rule.ts', passFixtures: ['pass/a.yaml'], failFixtures: ['fail/a.yaml'] } } as typeof first;
  it('a risk with one automated check is automated; with only commands, manual only; with none, no check', () => {
    expect(automationFacet([automated, second])).toEqual(['automated']);
    expect(automationFacet([second])).toEqual(['no-automated', 'manual-only']);
    expect(automationFacet([])).toEqual(['no-automated', 'no-check']);
    expect(splitByAutomation([second, automated])).toEqual({ automated: [automated], manual: [second] });
  });
  it('the coverage matrix shows both counts and says how each risk is verified, without the old "weak" rule', () => {
    const matrix = coverageMatrix(graph);
    expect(matrix.columns).toEqual(['Risk', 'Stage', 'Severity', 'Mitigations', 'Automated checks', 'Manual checks', 'Scanners', 'Coverage']);
    for (const row of matrix.rows) {
      const coverage = cellText(row.cells.at(-1) ?? { kind: 'empty' });
      expect(['automated', 'manual only', 'no check']).toContain(coverage);
      expect(row.facets.automation.includes('automated')).toBe(coverage === 'automated');
    }
  });
});

describe('Check × scanner', () => {
  it('finds the scanner a command runs, in command position only', () => {
    expect(scannersRunBy('trivy image --severity HIGH,CRITICAL --exit-code 1 IMAGE; echo "exit=$?"')).toEqual(['trivy']);
    expect(scannersRunBy('sudo ./docker-bench-security.sh -c container_runtime | grep WARN')).toEqual(['docker-bench']);
    expect(scannersRunBy('kubectl get pods -o json | jq .items')).toEqual([]);
    expect(scannersRunBy('echo trivy')).toEqual([]);
  });
  it('gives each rule its relation, and an empty cell no text', () => {
    const matrix = scannerMatrix(graph);
    const notes = matrix.rows.flatMap((row) => row.cells.flatMap((cell) => (cell.kind === 'items' ? cell.items.map((item) => item.note) : [])));
    expect(notes.length).toBeGreaterThan(0);
    for (const note of notes) expect(note).toMatch(/^(same|narrower|broader|related)(, manual)?$/);
    expect(matrix.caption).not.toContain('empty cell');
  });
});

describe('framework references', () => {
  it('name editions in words, and an OWASP item cited in two editions once', () => {
    expect(editionsPhrase(['2025', '2022'])).toBe('2022 and 2025 editions');
    expect(editionsPhrase(['2022'])).toBe('2022 edition');
    const merged = mergeEditions('owaspK8s', [
      { id: 'K01:2022', label: 'Insecure Workload Configurations', href: '/ref/owasp-k8s/k01-2022/' },
      { id: 'K01:2025', label: 'Insecure Workload Configurations', href: '/ref/owasp-k8s/k01-2025/' },
      { id: 'K08:2022', label: 'Secrets Management', href: '/ref/owasp-k8s/k08-2022/' },
    ]);
    expect(merged.map((item) => cellText({ kind: 'items', items: [item] }))).toEqual(['K01:2022, K01:2025 Insecure Workload Configurations', 'K08:2022 Secrets Management']);
  });
  it('the crosswalk names no commit hash or template text', () => {
    const editions = frameworkMatrix(graph).editions?.join(' ') ?? '';
    expect(editions).not.toMatch(/cited as|mitre\/cti|[0-9a-f]{7}/);
  });
});

describe('entry pages', () => {
  it('link scanner IDs written in prose to their /ref/ pages, and nothing inside links or code blocks', () => {
    const html = '<ul><li>Scanners: Trivy KSV-0017, Kubescape C-0057, Checkov CKV_K8S_16, docker-bench 5.5.</li></ul><pre><code>KSV-0017</code></pre><p><a href="/x/">C-0057</a> and KSV-9999</p>';
    const linked = linkScannerIds(html);
    expect(linked).toContain('Trivy <a href="/ref/trivy/ksv-0017/" class="scanner-id">KSV-0017</a>');
    expect(linked).toContain('Kubescape <a href="/ref/kubescape/c-0057/" class="scanner-id">C-0057</a>');
    expect(linked).toContain('Checkov <a href="/ref/checkov/ckv_k8s_16/" class="scanner-id">CKV_K8S_16</a>');
    expect(linked).toContain('docker-bench <a href="/ref/docker-bench/5.5/" class="scanner-id">5.5</a>');
    expect(linked).toContain('<pre><code>KSV-0017</code></pre>');
    expect(linked).toContain('<a href="/x/">C-0057</a> and KSV-9999');
  });
  it('leave empty sections out of the page and its contents', () => {
    const sections = presentSections([
      { slug: 'mitigations', text: 'Mitigations', present: true },
      { slug: 'incidents', text: 'Incidents', present: false },
    ]);
    expect(sections.headings.map((heading) => heading.slug)).toEqual(['mitigations']);
    expect(sections.has('incidents')).toBe(false);
  });
  it('show a capability once, not also without its CAP_ prefix', () => {
    expect(displayedIdentifiers(['capabilities', 'CAP_SYS_ADMIN', 'SYS_ADMIN', 'NET_RAW'])).toEqual(['capabilities', 'CAP_SYS_ADMIN', 'NET_RAW']);
  });
  it('name a stage in the sidebar as its page does', () => {
    const container = graph.stageByKey('container');
    expect(stageLinkLabel(graph.stages, '/stages/container/')).toBe(`${container?.data.order} · ${container?.data.title}`);
    expect(stageLinkLabel(graph.stages, '/risks/')).toBeUndefined();
  });
});

describe('flags stay whole', () => {
  it('in titles, in text and in Expressive Code tokens', () => {
    expect(unbreakableFlags('no_new_privs (--no-new-privileges)')).toBe('no_new_privs (\u2011\u2011no\u2011new\u2011privileges)');
    expect(unbreakableFlags('Multi-tenant clusters')).toBe('Multi-tenant clusters');
    expect(splitFlags('run with --privileged now')).toEqual([{ text: 'run with ', flag: false }, { text: '--privileged', flag: true }, { text: ' now', flag: false }]);
    expect(keepFlagsWhole('<span style="--0:#fff">--privileged</span><span style="--0:#fff"> </span><span>pods</span>')).toBe('<span class="nowrap" style="--0:#fff">--privileged</span><span style="--0:#fff"> </span><span>pods</span>');
  });
});

describe('diagrams', () => {
  const svg = '<svg id="d" width="100%" style="max-width: 1206px;" viewBox="0 0 1206 118" role="graphics-document document" aria-roledescription="flowchart-v2"><g/></svg>';
  it('keep a minimum width at which labels stay legible', () => {
    expect(naturalWidth(svg)).toBe(1206);
    const prepared = prepareDiagramSvg(svg, 'An "attacker" & a <host>');
    expect(prepared).toContain('style="max-width: 1206px; --diagram-min-width: 905px;"');
    expect(prepared).toContain('role="img" aria-label="An &quot;attacker&quot; &amp; a &lt;host&gt;"');
    expect(prepared).not.toContain('graphics-document');
  });
});

describe('the 404 page', () => {
  it('reads a malformed escape as typed instead of throwing, and proposes the lower-case address', () => {
    expect(missingSegment('/ref/trivy/%E0%A4%A/')).toBe('%E0%A4%A');
    expect(missingSegment('/ref/trivy/KSV%20017/')).toBe('KSV 017');
    expect(lowerCaseCandidate('/ref/trivy/KSV017/')).toBe('/ref/trivy/ksv017/');
    expect(lowerCaseCandidate('/ref/trivy/ksv017/')).toBeUndefined();
  });
});
