import type { ReportDocument } from './document.ts';

export function formatReportHtml(document: ReportDocument): string {
  return `<!doctype html><title>Bulkhead report</title><pre>${JSON.stringify(document.summary).replaceAll('<', '&lt;')}</pre>\n`;
}
