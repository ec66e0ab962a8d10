import type { ScalarKind } from './schema-node.ts';

/** A cell as a file gives it: CSV cells are text, XLSX cells may be numbers, booleans or dates. */
export type CellValue = string | number | boolean | Date | null;

export type Converted = { ok: true; value: unknown } | { ok: false; message: string };

const ok = (value: unknown): Converted => ({ ok: true, value });
const bad = (message: string): Converted => ({ ok: false, message });

const TRUE_WORDS = new Set(['是', 'true', '1', 'yes', 'y', '对', '√']);
const FALSE_WORDS = new Set(['否', 'false', '0', 'no', 'n', '错', '×']);
const WHOLE = /^[+-]?\d+$/;
const WHOLE_GROUPED = /^[+-]?\d{1,3}(,\d{3})+$/;
const DECIMAL = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
/** 2026-03-01, 2026/3/1, 2026.03.01, 2026年3月1日 */
const DATE = /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?$/;
/** Excel counts days from 1899-12-30 (its 1900 leap-year bug included). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

const isoDate = (d: Date): string => d.toISOString().slice(0, 10);

function toText(cell: Exclude<CellValue, null>): string {
  if (cell instanceof Date) return isoDate(cell);
  return String(cell).trim();
}

function toInteger(cell: Exclude<CellValue, null>): Converted {
  if (typeof cell === 'number') return Number.isSafeInteger(cell) ? ok(cell) : bad(`expected a whole number, got ${cell}`);
  const text = toText(cell);
  if (WHOLE.test(text) || WHOLE_GROUPED.test(text)) {
    const n = Number(text.replace(/,/g, ''));
    return Number.isSafeInteger(n) ? ok(n) : bad(`${text} is too large`);
  }
  return bad(`expected a whole number, got "${text}"`);
}

function toNumber(cell: Exclude<CellValue, null>): Converted {
  if (typeof cell === 'number') return ok(cell);
  const text = toText(cell);
  return DECIMAL.test(text) ? ok(Number(text)) : bad(`expected a number, got "${text}"`);
}

function toBoolean(cell: Exclude<CellValue, null>): Converted {
  if (typeof cell === 'boolean') return ok(cell);
  const text = toText(cell).toLowerCase();
  if (TRUE_WORDS.has(text)) return ok(true);
  if (FALSE_WORDS.has(text)) return ok(false);
  return bad(`expected 是/否, true/false or 1/0, got "${text}"`);
}

function toDate(cell: Exclude<CellValue, null>): Converted {
  if (cell instanceof Date) return ok(isoDate(cell));
  if (typeof cell === 'number') {
    // A date cell without its date format reaches us as Excel's day count.
    return Number.isInteger(cell) && cell > 0 && cell < 2_958_466 ? ok(isoDate(new Date(EXCEL_EPOCH_MS + cell * DAY_MS))) : bad(`expected a date, got ${cell}`);
  }
  const text = toText(cell);
  const m = DATE.exec(text);
  if (!m) return bad(`expected a date as YYYY-MM-DD, got "${text}"`);
  // The schema's date format then refuses impossible days (2026-02-30).
  return ok(`${m[1]}-${m[2]!.padStart(2, '0')}-${m[3]!.padStart(2, '0')}`);
}

/** Converts one non-empty cell to the kind of value its field takes; the schema checks the rest. */
export function convertCell(cell: Exclude<CellValue, null>, kind: ScalarKind): Converted {
  switch (kind) {
    case 'string':
      return ok(toText(cell));
    case 'integer':
      return toInteger(cell);
    case 'number':
      return toNumber(cell);
    case 'boolean':
      return toBoolean(cell);
    case 'date':
      return toDate(cell);
    default: {
      const never: never = kind;
      return bad(`unsupported field kind ${String(never)}`);
    }
  }
}

/** A cell is empty when it holds nothing but blanks: the field is then left out of the row. */
export const isEmptyCell = (cell: CellValue | undefined): cell is null | undefined =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** A list in one cell: `07-03; 07-04` (the Chinese semicolon too). */
export function splitList(cell: Exclude<CellValue, null>): Array<Exclude<CellValue, null>> {
  if (typeof cell !== 'string') return [cell];
  return cell.split(/[;；]/).map((s) => s.trim()).filter((s) => s !== '');
}
