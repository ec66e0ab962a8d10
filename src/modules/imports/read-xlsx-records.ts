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

/**
 * The rows of the first worksheet of an XLSX workbook. The workbook is read whole (uploads are
 * limited to 50 MB): ExcelJS's streaming reader parks worksheets in temporary files when they
 * come before the shared strings, and abandoning it part-way (a consumer stopping at bad rows)
 * left it reading files already removed — an uncaught error outside any request.
 */
export async function* readXlsxRecords(source: Readable): AsyncGenerator<FileRecord> {
  const workbook = new ExcelJS.Workbook();
  try {
    const chunks: Buffer[] = [];
    for await (const chunk of source) chunks.push(chunk as Buffer);
    await workbook.xlsx.load(Buffer.concat(chunks) as unknown as ArrayBuffer);
  } catch (e) {
    throw new DomainError('IMPORT_FORMAT', `the file is not a readable XLSX workbook: ${(e as Error).message}`, { field: 'file' });
  } finally {
    source.destroy();
  }
  const sheet = workbook.worksheets[0];
  if (!sheet) return;
  const rows: FileRecord[] = [];
  // Styles are read, so date-formatted cells come as dates, not as Excel day counts.
  sheet.eachRow({ includeEmpty: false }, (row) => {
    rows.push({ row: row.number, cells: Array.from((row.values as unknown[]).slice(1), cellValue) });
  });
  yield* rows;
}
