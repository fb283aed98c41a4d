import type { Environment, ScannerKey, Severity, StageKey } from '../model/vocabulary.ts';

/** One linked item inside a cell: an entry or an external ID. */
export interface CellItem {
  id: string;
  label: string;
  href: string;
  severity?: Severity;
}

/** A cell is text, a list of items, or empty; CSV and HTML render the same content. */
export type Cell = { kind: 'text'; text: string; emphasis?: 'weak' | 'ok' } | { kind: 'items'; items: CellItem[] } | { kind: 'empty' };

/** What the filters can narrow a row by; stored on the row so pages filter without the graph. */
export interface RowFacets {
  stage: StageKey[];
  severity: Severity[];
  environment: Environment[];
  scanner: ScannerKey[];
}

export interface MatrixRow {
  /** The row header cell (rendered as <th scope="row">). */
  header: Cell;
  cells: Cell[];
  facets: RowFacets;
}

export interface Matrix {
  id: string;
  title: string;
  /** One sentence under the title; also the table caption. */
  caption: string;
  /** Header of the row-header column, then of every other column. */
  columns: string[];
  rows: MatrixRow[];
  /** Editions of the frameworks or catalogs this matrix uses, named on the page and in exports. */
  editions?: string[];
}

export const text = (value: string, emphasis?: 'weak' | 'ok'): Cell => (emphasis ? { kind: 'text', text: value, emphasis } : { kind: 'text', text: value });
export const items = (list: CellItem[]): Cell => (list.length > 0 ? { kind: 'items', items: list } : { kind: 'empty' });

/** The plain-text form of a cell, shared by CSV export and the agreement tests. */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'items':
      return cell.items.map((item) => (item.label && item.label !== item.id ? `${item.id} ${item.label}` : item.id)).join('; ');
    case 'empty':
      return '';
  }
}
