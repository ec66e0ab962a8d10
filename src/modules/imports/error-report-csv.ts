import type { RowError } from './import-types.ts';

/**
 * A cell a spreadsheet would run as a formula (`=HYPERLINK(…)`, `+1`, `-2+3`, `@SUM(…)`, or one
 * starting with a tab or carriage return) gets a leading apostrophe: the report repeats the
 * file's own cells, and it is opened in Excel (CSV injection, OWASP).
 */
export function escapeFormula(cell: string): string {
  return /^[=+\-@\t\r]/.test(cell) ? `'${cell}` : cell;
}

const quote = (cell: string): string => (/[",\r\n]/.test(cell) ? `"${cell.replace(/"/g, '""')}"` : cell);

const ERROR_REPORT_HEADINGS = ['row', 'column', 'field', 'value', 'code', 'message'] as const;

/** One CSV line per error (UTF-8 with BOM, so Excel shows the Chinese headings and messages). */
export function errorReportCsv(errors: Iterable<RowError>): string {
  const lines = [ERROR_REPORT_HEADINGS.join(',')];
  for (const e of errors) {
    lines.push([String(e.row), e.column ?? '', e.field ?? '', e.value ?? '', e.code, e.message].map((c) => quote(escapeFormula(c))).join(','));
  }
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
