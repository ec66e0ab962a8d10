import { parse } from 'csv-parse/sync';
import { Value } from 'typebox/value';
import { DomainError } from '../../platform/errors.ts';
import { ForecastRowInput } from './forecast-schemas.ts';
import type { ForecastRow, RowError } from './forecast-rows.ts';

/** Column names as planners write them, English or Chinese, to the field they fill. */
const HEADERS: Record<string, keyof ForecastRowInput> = {
  customercode: 'customerCode', customer: 'customerCode', 客户编码: 'customerCode', 客户: 'customerCode',
  customerid: 'customerId',
  channel: 'channel', 渠道: 'channel',
  devicecode: 'deviceCode', device: 'deviceCode', 器械编码: 'deviceCode', 产品编码: 'deviceCode',
  deviceid: 'deviceId',
  period: 'period', 期间: 'period',
  quantity: 'quantity', qty: 'quantity', 数量: 'quantity',
};

const headerKey = (h: string) => h.replace(/[\s_-]/g, '').toLowerCase();

interface CsvRecord {
  record: string[];
  info: { lines: number };
}

function parseCsv(text: string): CsvRecord[] {
  try {
    return parse(text, {
      bom: true, trim: true, skip_empty_lines: true, skip_records_with_empty_values: true, relax_column_count: true,
      info: true, record_delimiter: ['\r\n', '\n', '\r'],
    }) as unknown as CsvRecord[];
  } catch (e) {
    throw new DomainError('IMPORT_FORMAT', `the file is not readable as CSV: ${(e as Error).message}`, { field: 'body' });
  }
}

/**
 * Reads a forecast CSV (a header row, then one forecast per row) into rows numbered by their line
 * in the file, checking each cell with the API's row schema. A missing required column refuses
 * the file; a bad cell is that row's error, and the other rows are still read.
 */
export function readForecastCsv(text: string): { rows: ForecastRow[]; errors: RowError[] } {
  const [header, ...records] = parseCsv(text);
  if (!header) throw new DomainError('IMPORT_FORMAT', 'the file is empty; expected a header row', { field: 'body' });
  const columns = header.record.map((h) => HEADERS[headerKey(h)] ?? null);
  for (const required of ['period', 'quantity'] as const) {
    if (!columns.includes(required)) throw new DomainError('IMPORT_FORMAT', `the header has no ${required} column`, { field: required });
  }
  if (!columns.some((c) => c === 'deviceCode' || c === 'deviceId')) {
    throw new DomainError('IMPORT_FORMAT', 'the header has no deviceCode column', { field: 'deviceCode' });
  }
  const rows: ForecastRow[] = [];
  const errors: RowError[] = [];
  for (const { record, info } of records) {
    const row = info.lines;
    const value: Record<string, unknown> = {};
    columns.forEach((column, i) => {
      const cell = record[i];
      if (column && cell) value[column] = column === 'quantity' && /^\d+$/.test(cell) ? Number(cell) : cell;
    });
    const [first] = Value.Errors(ForecastRowInput, value);
    if (first) {
      const missing = (first.params as { requiredProperties?: string[] }).requiredProperties?.[0];
      const column = missing ?? (first.instancePath.split('/').filter(Boolean)[0] || 'row');
      errors.push({ row, column, code: 'VALIDATION_FAILED', message: `${column}: ${missing ? 'is empty' : first.message}` });
      continue;
    }
    rows.push({ row, ...(value as ForecastRowInput) });
  }
  return { rows, errors };
}
