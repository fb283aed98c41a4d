import type { Environment, ScannerKey, Severity, StageKey } from '../model/vocabulary.ts';

/** One linked item inside a cell: an entry or an external ID. */
export interface CellItem {
  id: string;
  label: string;
  href: string;
  severity?: Severity;
  /** A short qualifier shown after the label, e.g. a scanner rule's relation to the check ("narrower"). */
  note?: string;
  /** Further IDs that name the same thing (an OWASP item in two editions), linked beside the first. */
  also?: { id: string; href: string }[];
}

/** A cell is text, a list of items, or empty; CSV and HTML render the same content. */
export type Cell = { kind: 'text'; text: string; emphasis?: 'weak' | 'ok' } | { kind: 'items'; items: CellItem[] } | { kind: 'empty' };

/**
 * How a risk (or the risks behind a mitigation or check) is verified: `automated` when at least
 * one check has a rule that `bulkhead check` runs on files, `no-automated` otherwise, refined into
 * `manual-only` (only commands a person runs) or `no-check`.
 */
export type AutomationFacet = 'automated' | 'no-automated' | 'manual-only' | 'no-check';

/** Whether a real-world incident (a CVE or a documented attack) illustrates the risk, or one of the risks behind a row. */
export type IncidentFacet = 'yes' | 'no';

/** What the filters can narrow a row (or a cell) by; stored on the page so it filters without the graph. */
export interface RowFacets {
  stage: StageKey[];
  severity: Severity[];
  environment: Environment[];
  scanner: ScannerKey[];
  automation: AutomationFacet[];
  incident: IncidentFacet[];
}
export type FacetName = keyof RowFacets;
export const FACET_NAMES: readonly FacetName[] = ['stage', 'severity', 'environment', 'scanner', 'automation', 'incident'];

export interface MatrixRow {
  /** The row header cell (rendered as <th scope="row">). */
  header: Cell;
  cells: Cell[];
  facets: RowFacets;
  /**
   * Facets of each cell, for a matrix whose cells are the things counted (the threat matrix: one
   * risk per cell). Filters then hide cells, not rows, and the rows close up.
   */
  cellFacets?: (RowFacets | undefined)[];
}

/** What one row (or, in a cell-counted matrix, one cell) stands for, in both numbers. */
export interface MatrixUnit {
  singular: string;
  plural: string;
}

export interface Matrix {
  id: string;
  title: string;
  /** One sentence under the title; also the table caption. */
  caption: string;
  /** Header of the row-header column, then of every other column. */
  columns: string[];
  rows: MatrixRow[];
  /** What is counted: "risk", "check", "mitigation". */
  unit: MatrixUnit;
  /** The facets that mean something for this matrix's rows, in the order the filters show them. */
  filters: readonly FacetName[];
  /**
   * Set when each cell holds one counted item and each column one stage (the threat matrix):
   * filters act on cells, a stage filter hides the other columns, and counts count cells.
   */
  cellLayout?: { columnStages: (StageKey | undefined)[] };
  /** Columns that repeat what the row header already shows; narrow screens hide them. */
  redundantColumns?: number[];
  /** Editions of the frameworks or catalogs this matrix uses, named on the page and in exports. */
  editions?: string[];
}

export const text = (value: string, emphasis?: 'weak' | 'ok'): Cell => (emphasis ? { kind: 'text', text: value, emphasis } : { kind: 'text', text: value });
export const items = (list: CellItem[]): Cell => (list.length > 0 ? { kind: 'items', items: list } : { kind: 'empty' });

function itemText(item: CellItem): string {
  const ids = [item.id, ...(item.also ?? []).map((other) => other.id)].join(', ');
  const label = item.label && item.label !== item.id ? ` ${item.label}` : '';
  return `${ids}${label}${item.note ? ` (${item.note})` : ''}`;
}

/** The plain-text form of a cell, shared by CSV export and the agreement tests. */
export function cellText(cell: Cell): string {
  switch (cell.kind) {
    case 'text':
      return cell.text;
    case 'items':
      return cell.items.map(itemText).join('; ');
    case 'empty':
      return '';
  }
}

/** How many things the matrix shows: cells in a cell-counted matrix, rows otherwise. */
export function countOf(matrix: Matrix): number {
  if (!matrix.cellLayout) return matrix.rows.length;
  return matrix.rows.reduce((sum, row) => sum + row.cells.filter((cell) => cell.kind !== 'empty').length, 0);
}

/** "1 risk", "41 risks", "0 risks". */
export function countLabel(count: number, unit: MatrixUnit): string {
  return `${count} ${count === 1 ? unit.singular : unit.plural}`;
}
