import type { ReportDocument } from './document.ts';

export function formatReportSarif(document: ReportDocument): string {
  return `${JSON.stringify({ version: '2.1.0', runs: [], bulkhead: document.summary })}\n`;
}
