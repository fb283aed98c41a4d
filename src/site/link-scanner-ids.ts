import { resolveScannerId } from '../catalogs/scanners.ts';
import { escapeHtmlAttribute } from '../model/escape-html.ts';
import { refPath, withBase } from '../model/urls.ts';
import { SCANNERS, type ScannerKey } from '../model/vocabulary.ts';

/** Where a scanner ID written in prose links to, or undefined when no catalog has it. */
export type ScannerIdResolver = (id: string, scanner: ScannerKey | undefined) => string | undefined;

/** Catalogued IDs only: a named scanner is asked alone; a bare ID links when exactly one scanner has it. Links carry the site's base. */
export const catalogResolver: ScannerIdResolver = (id, scanner) => {
  if (scanner) {
    const rule = resolveScannerId(scanner, id);
    return rule ? withBase(refPath(scanner, rule.id)) : undefined;
  }
  const found = SCANNERS.flatMap((candidate) => {
    const rule = resolveScannerId(candidate, id);
    return rule ? [withBase(refPath(candidate, rule.id))] : [];
  });
  return found.length === 1 ? found[0] : undefined;
};

/** IDs whose shape names their scanner: Trivy KSV/KCV/DS, Kubescape C-nnnn, Checkov CKV_/CKV2_. */
const SHAPED_ID = /\b(?:AVD-)?(?:KSV|KCV|DS)-?\d{3,4}\b|\bC-\d{4}\b|\bCKV2?_[A-Z0-9_]*[A-Z0-9]\b/g;
/** CIS numbers mean something only after the scanner's name: "docker-bench 5.5", "kube-bench 5.2.2 and 5.2.3". */
const CIS_RUN = /\b(kube-bench|docker-bench)((?:(?:,\s*|\s+and\s+|\s+or\s+|\s+)\d+(?:\.\d+)+)+)/gi;
const CIS_NUMBER = /\d+(?:\.\d+)+/g;
const NAMED = /\b(Trivy|Kubescape|Checkov)\s+$/i;

/** Elements whose text must stay as it is: links already link, code blocks are copied, headings are anchors. */
const SKIPPED = new Set(['a', 'pre', 'script', 'style', 'svg', 'textarea', 'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'title']);

interface Link {
  start: number;
  end: number;
  href: string;
}

function linksIn(text: string, resolve: ScannerIdResolver): Link[] {
  const links: Link[] = [];
  for (const match of text.matchAll(CIS_RUN)) {
    const scanner = (match[1] ?? '').toLowerCase() as ScannerKey;
    const offset = (match.index ?? 0) + (match[1] ?? '').length;
    for (const number of (match[2] ?? '').matchAll(CIS_NUMBER)) {
      const href = resolve(number[0], scanner);
      const start = offset + (number.index ?? 0);
      if (href) links.push({ start, end: start + number[0].length, href });
    }
  }
  for (const match of text.matchAll(SHAPED_ID)) {
    const start = match.index ?? 0;
    const named = NAMED.exec(text.slice(Math.max(0, start - 12), start))?.[1]?.toLowerCase() as ScannerKey | undefined;
    const href = resolve(match[0], named);
    if (href && !links.some((link) => start < link.end && link.start < start + match[0].length)) links.push({ start, end: start + match[0].length, href });
  }
  return links.sort((a, b) => a.start - b.start);
}

/**
 * Links the scanner rule IDs that entry bodies mention in prose ("Scanners: Trivy KSV-0017,
 * Kubescape C-0057, docker-bench 5.5") to their /ref/ pages. Works on the rendered HTML of a body,
 * text between tags only, and leaves links, code blocks and headings alone; IDs that no catalog
 * has stay plain text, so no link is dead.
 */
export function linkScannerIds(html: string, resolve: ScannerIdResolver = catalogResolver): string {
  const parts = html.split(/(<[^>]*>)/);
  const open: string[] = [];
  return parts
    .map((part) => {
      if (part.startsWith('<')) {
        const tag = /^<(\/?)([a-zA-Z][a-zA-Z0-9-]*)/.exec(part);
        const name = tag?.[2]?.toLowerCase();
        if (name && SKIPPED.has(name) && !part.endsWith('/>')) {
          if (tag?.[1]) {
            const at = open.lastIndexOf(name);
            if (at >= 0) open.splice(at, 1);
          } else open.push(name);
        }
        return part;
      }
      if (open.length > 0 || part.length === 0) return part;
      const links = linksIn(part, resolve);
      if (links.length === 0) return part;
      let out = '';
      let last = 0;
      for (const link of links) {
        out += `${part.slice(last, link.start)}<a href="${escapeHtmlAttribute(link.href)}" class="scanner-id">${part.slice(link.start, link.end)}</a>`;
        last = link.end;
      }
      return out + part.slice(last);
    })
    .join('');
}
