import type { ColumnTarget } from './column-map.ts';
import { convertCell, isEmptyCell, splitList, type CellValue } from './convert-cell.ts';

export interface CellError {
  field: string;
  message: string;
  /** The cell as the file had it, for a cell that could not be converted. */
  value?: string;
}

type Container = Record<string | number, unknown>;

const cellText = (cell: Exclude<CellValue, null>): string => (cell instanceof Date ? cell.toISOString() : String(cell));

function put(row: Container, path: ReadonlyArray<string | number>, value: unknown): void {
  let at: Container = row;
  for (let i = 0; i < path.length - 1; i++) {
    const key = path[i]!;
    at[key] ??= typeof path[i + 1] === 'number' ? [] : {};
    at = at[key] as Container;
  }
  at[path.at(-1)!] = value;
}

/** `packaging.2.gtin` given without `packaging.1.*`: the list closes up. */
function closeGaps(row: Container): void {
  for (const [key, value] of Object.entries(row)) {
    if (Array.isArray(value)) row[key] = value.filter(() => true); // filter skips the holes
  }
}

/**
 * Turns one record of cells into the row object the kind's schema validates: empty cells leave
 * their field out (an update keeps the stored value), each cell is converted to its field's kind,
 * lists are split on `;`. A cell that cannot be converted is an error of its field.
 */
export function buildRow(targets: ReadonlyArray<ColumnTarget | null>, cells: readonly CellValue[]): { row: Container; errors: CellError[] } {
  const row: Container = {};
  const errors: CellError[] = [];
  targets.forEach((target, i) => {
    const cell = cells[i];
    if (!target || isEmptyCell(cell)) return;
    if (target.list) {
      const items = splitList(cell).map((c) => convertCell(c, target.kind));
      const failed = items.find((c) => !c.ok);
      if (failed && !failed.ok) errors.push({ field: target.field, message: failed.message, value: cellText(cell) });
      else put(row, target.path, items.map((c) => (c.ok ? c.value : null)));
      return;
    }
    const converted = convertCell(cell, target.kind);
    if (converted.ok) put(row, target.path, converted.value);
    else errors.push({ field: target.field, message: converted.message, value: cellText(cell) });
  });
  closeGaps(row);
  return { row, errors };
}

/** True when a record has no value in any column (a blank line in the middle of a sheet). */
export const isBlankRecord = (cells: readonly CellValue[]): boolean => cells.every((c) => isEmptyCell(c));
