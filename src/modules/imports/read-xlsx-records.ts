import type { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { DomainError } from '../../platform/errors.ts';
import type { CellValue } from './convert-cell.ts';
import type { FileRecord } from './read-records.ts';

/** A cell as ExcelJS gives it: rich text, formulas and links reduce to what the cell shows. */
function cellValue(v: unknown): CellValue {
  if (v === null || v === undefined) return null;
  if (typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean' || v instanceof Date) return v;
  if (typeof v === 'object') {
    const o = v as { richText?: Array<{ text: string }>; result?: unknown; text?: unknown; error?: string };
    if (o.richText) return o.richText.map((r) => r.text).join('');
    if ('result' in o) return cellValue(o.result);
    if ('text' in o) return cellValue(o.text);
    if (o.error) return o.error;
  }
  return String(v);
}

/** The rows of the first worksheet of an XLSX workbook, streamed; later worksheets are skipped. */
export async function* readXlsxRecords(source: Readable): AsyncGenerator<FileRecord> {
  // Styles are read so that date-formatted cells come as dates, not as Excel day counts.
  const reader = new ExcelJS.stream.xlsx.WorkbookReader(source, { sharedStrings: 'cache', styles: 'cache', hyperlinks: 'ignore', worksheets: 'emit', entries: 'ignore' });
  let first = true;
  try {
    for await (const sheet of reader) {
      if (!first) continue;
      first = false;
      for await (const row of sheet) {
        const values = row.values as unknown[];
        yield { row: row.number, cells: Array.from(values.slice(1), cellValue) };
      }
    }
  } catch (e) {
    if (e instanceof DomainError) throw e;
    throw new DomainError('IMPORT_FORMAT', `the file is not a readable XLSX workbook: ${(e as Error).message}`, { field: 'file' });
  } finally {
    source.destroy();
  }
}
