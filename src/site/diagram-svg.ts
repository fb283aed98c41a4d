import { escapeHtmlAttribute } from '../model/escape-html.ts';

/**
 * Mermaid draws labels at 16 px and sizes its SVG to the container, so a wide flowchart on a
 * 390 px screen shrank until its labels were 3–4 px. Below this scale the diagram keeps its
 * size and its canvas scrolls sideways instead: 16 px × 0.75 = 12 px labels at the least.
 */
export const MIN_DIAGRAM_SCALE = 0.75;

/** The width of the SVG's drawing, from its viewBox; undefined when it has none. */
export function naturalWidth(svg: string): number | undefined {
  const viewBox = /^<svg[^>]*\sviewBox="([^"]*)"/.exec(svg)?.[1]?.trim().split(/[\s,]+/);
  const width = Number(viewBox?.[2]);
  return viewBox?.length === 4 && Number.isFinite(width) && width > 0 ? width : undefined;
}

/**
 * The SVG as a page shows it: an image with the text alternative as its name (screen readers
 * get that instead of Mermaid's graphics document), and a minimum width for legible labels.
 */
export function prepareDiagramSvg(svg: string, alt: string, minScale = MIN_DIAGRAM_SCALE): string {
  const width = naturalWidth(svg);
  const minWidth = width ? Math.round(width * minScale) : undefined;
  let out = svg.replace(/^<svg([^>]*?)\srole="[^"]*"/, '<svg$1').replace(/^<svg([^>]*?)\saria-roledescription="[^"]*"/, '<svg$1');
  if (minWidth) {
    // Mermaid writes style="max-width: …px;" on the root; the minimum goes beside it, as a custom
    // property that bulkhead.css applies on narrow screens (a desktop column fits most diagrams).
    out = /^<svg[^>]*\sstyle="/.test(out) ? out.replace(/^(<svg[^>]*\sstyle=")([^"]*)"/, (_, start: string, style: string) => `${start}${style.trim().replace(/;?$/, ';')} --diagram-min-width: ${minWidth}px;"`) : out.replace(/^<svg/, `<svg style="--diagram-min-width: ${minWidth}px;"`);
  }
  return out.replace(/^<svg/, `<svg role="img" aria-label="${escapeHtmlAttribute(alt)}"`);
}
