import { cellText, type Matrix } from './model.ts';

/** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled, CRLF line ends. */
export function csvField(value: string): string {
  return /[",\r\n]/.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** A spreadsheet-friendly CSV of a matrix: UTF-8 with a byte-order mark, a header row, CRLF. */
export function matrixToCsv(matrix: Matrix): string {
  const lines = [matrix.columns, ...matrix.rows.map((row) => [cellText(row.header), ...row.cells.map(cellText)])];
  return `\uFEFF${lines.map((fields) => fields.map(csvField).join(',')).join('\r\n')}\r\n`;
}
