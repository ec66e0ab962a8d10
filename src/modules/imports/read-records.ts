import type { Readable } from 'node:stream';
import type { CellValue } from './convert-cell.ts';
import { readCsvRecords } from './read-csv-records.ts';
import { readXlsxRecords } from './read-xlsx-records.ts';

export type FileFormat = 'csv' | 'xlsx';

/** One line of a sheet: its row number as the spreadsheet shows it, and its cells left to right. */
export interface FileRecord {
  row: number;
  cells: CellValue[];
}

const ZIP_MAGIC = Buffer.from([0x50, 0x4b, 0x03, 0x04]);

/** XLSX files are ZIP archives; anything else is read as CSV. */
export const sniffFormat = (firstBytes: Buffer): FileFormat => (firstBytes.subarray(0, 4).equals(ZIP_MAGIC) ? 'xlsx' : 'csv');

/** The records of a CSV file or of the first worksheet of an XLSX workbook, heading first, streamed. */
export const readRecords = (source: Readable, format: FileFormat): AsyncGenerator<FileRecord> =>
  format === 'xlsx' ? readXlsxRecords(source) : readCsvRecords(source);
