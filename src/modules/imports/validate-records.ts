import { buildRow, isBlankRecord } from './build-row.ts';
import type { ColumnMap } from './column-map.ts';
import type { ImportKind, RowError } from './import-types.ts';
import type { FileRecord } from './read-records.ts';
import { validateRow } from './validate-row.ts';
import { fieldValue } from './field-value.ts';

export interface ValidRow {
  /** The row number in the file. */
  row: number;
  value: Record<string, unknown>;
}

/** What reading the file found so far: rows read, and every error with the rows it concerns. */
export class RowTally {
  total = 0;
  readonly errors: RowError[] = [];
  readonly failedRows = new Set<number>();

  add(e: RowError): void {
    this.errors.push(e);
    this.failedRows.add(e.row);
  }

  /** Errors by row (a chunk's database errors arrive after the schema errors of later rows). */
  inFileOrder(): RowError[] {
    return [...this.errors].sort((a, b) => a.row - b.row);
  }
}

/** The column an error belongs to: the field's own, else the nearest enclosing one (`addresses.0` → `addresses.0.code`'s list). */
export function columnFor(map: ColumnMap, field: string | null | undefined): string | null {
  if (!field) return null;
  const parts = field.split('.');
  for (let n = parts.length; n > 0; n--) {
    const heading = map.headingOf(parts.slice(0, n).join('.'));
    if (heading !== null) return heading;
  }
  return null;
}

/**
 * Reads records after the heading, converts and validates each against the kind's schema and
 * refuses a natural key seen earlier in the file; yields the valid rows in chunks as they come,
 * so a file of any size is read in constant memory.
 */
export async function* validChunks(
  records: AsyncIterator<FileRecord>,
  kind: ImportKind,
  map: ColumnMap,
  chunkSize: number,
  tally: RowTally,
): AsyncGenerator<ValidRow[]> {
  const firstRowOfKey = new Map<string, number>();
  let chunk: ValidRow[] = [];
  for (let next = await records.next(); !next.done; next = await records.next()) {
    const record = next.value;
    if (isBlankRecord(record.cells)) continue;
    tally.total++;
    const built = buildRow(map.targets, record.cells);
    const converted = new Set(built.errors.map((e) => e.field));
    const invalid = [...built.errors, ...validateRow(kind.schema, built.row).filter((e) => !converted.has(e.field))];
    for (const e of invalid) {
      const value = e.value ?? fieldValue(built.row, e.field);
      tally.add({ row: record.row, column: columnFor(map, e.field), field: e.field, value, code: 'VALIDATION_FAILED', message: e.message });
    }
    if (invalid.length) continue;
    const key = kind.keyOf(built.row);
    const first = firstRowOfKey.get(key);
    if (first !== undefined) {
      const field = kind.keyFields[0]!;
      const value = fieldValue(built.row, field);
      tally.add({ row: record.row, column: columnFor(map, field), field, value, code: 'DUPLICATE', message: `the same ${kind.keyFields.join(' + ')} as row ${first}` });
      continue;
    }
    firstRowOfKey.set(key, record.row);
    chunk.push({ row: record.row, value: built.row });
    if (chunk.length >= chunkSize) {
      yield chunk;
      chunk = [];
    }
  }
  if (chunk.length) yield chunk;
}
