/**
 * The filters of a matrix page, kept free of Astro so they can be tested and shared. A matrix is
 * either counted by rows (one risk, check or mitigation per row) or by cells (the threat matrix:
 * one risk per cell, one stage per column); filters hide rows in the first and cells, then
 * columns, in the second, where each column closes up so the matching risks stand at the top.
 */
import { csvField } from '../matrices/csv.ts';

export type Selection = Record<string, string>;

/** True when every chosen facet value is among the space-separated values the element carries. */
export function matchesSelection(values: Readonly<Record<string, string | undefined>>, selection: Selection): boolean {
  return Object.entries(selection).every(([name, value]) => !value || (values[name] ?? '').split(' ').includes(value));
}

/** Each column keeps, in order, only the items that pass; the result is as deep as the longest. */
export function stackColumns<T>(columns: readonly (readonly T[])[], keep: (item: T, column: number) => boolean): T[][] {
  return columns.map((column, index) => column.filter((item) => keep(item, index)));
}

/** "1 of 41 risks", "6 of 41 risks": the noun follows the total. */
export function countPhrase(shown: number, total: number, singular: string, plural: string): string {
  return `${shown} of ${total} ${total === 1 ? singular : plural}`;
}

/**
 * The CSV text of a rendered cell, equal to cellText() of the cell it came from: the IDs and
 * labels of its items joined by "; ", without severity badges, warning signs or the dash of an
 * empty cell (marked data-csv-skip).
 */
export function renderedCellText(cell: Element): string {
  const copy = cell.cloneNode(true) as Element;
  for (const skipped of copy.querySelectorAll('[data-csv-skip]')) skipped.remove();
  const squash = (text: string | null) => (text ?? '').replace(/\s+/g, ' ').trim();
  const list = copy.querySelector('ul.cell-items');
  if (list) return [...list.children].map((item) => squash(item.textContent)).join('; ');
  return squash(copy.textContent);
}

/** The visible part of a rendered matrix as CSV, in the format of the full download (BOM, CRLF). */
export function visibleTableCsv(table: HTMLTableElement): string {
  const visible = (element: Element) => !(element as HTMLElement).hidden;
  const lines = [...table.querySelectorAll('tr')].filter(visible).map((row) => [...row.children].filter(visible).map(renderedCellText));
  return `\uFEFF${lines.map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}
