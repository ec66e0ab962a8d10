import type { ErrorCode } from '../../platform/errors.ts';
import type { PriceListImportRow } from './import-row-schema.ts';
import type { Channel } from './types.ts';

/** The pure half of the price-list import: per-row checks that need no database. */
export interface ImportRowError {
  /** index of the row in the batch given */
  index: number;
  field: string;
  code: ErrorCode;
  message: string;
}

export interface PlannedRow {
  index: number;
  priceListCode: string;
  deviceCode: string;
  minQuantity: number;
  unitPriceMinor: number;
  /** undefined: keep the line's floor as it is */
  floorMinor: number | null | undefined;
}

export interface NewListHeader {
  code: string;
  name: string;
  currency: string;
  validFrom: string;
  validTo: string | null;
  channel: Channel | null;
}

const rowError = (index: number, field: string, message: string, code: ErrorCode = 'VALIDATION_FAILED'): ImportRowError => ({ index, field, code, message });

/** Checks each row alone and against the batch: a natural key twice, a floor on a break row, validity. */
export function planImportRows(rows: readonly PriceListImportRow[]): { planned: PlannedRow[]; errors: ImportRowError[] } {
  const planned: PlannedRow[] = [];
  const errors: ImportRowError[] = [];
  const firstOfKey = new Map<string, number>();
  rows.forEach((r, index) => {
    const minQuantity = r.minQuantity ?? 1;
    const key = JSON.stringify([r.priceListCode, r.deviceCode, minQuantity]);
    const first = firstOfKey.get(key);
    if (first !== undefined) {
      errors.push(rowError(index, 'minQuantity', `price list ${r.priceListCode}, device ${r.deviceCode}, min quantity ${minQuantity} is also in row ${first}`, 'DUPLICATE'));
      return;
    }
    firstOfKey.set(key, index);
    if (minQuantity > 1 && r.floorMinor !== undefined && r.floorMinor !== null) {
      errors.push(rowError(index, 'floorMinor', 'a floor price belongs on the base-price row (min quantity 1)'));
      return;
    }
    if (r.validFrom && r.validTo && r.validTo < r.validFrom) {
      errors.push(rowError(index, 'validTo', `the last valid day ${r.validTo} is before the first ${r.validFrom}`));
      return;
    }
    planned.push({ index, priceListCode: r.priceListCode, deviceCode: r.deviceCode, minQuantity, unitPriceMinor: r.unitPriceMinor, floorMinor: r.floorMinor });
  });
  return { planned, errors };
}

/**
 * Headers for the lists the batch names that do not exist yet, from the first row of each. A list
 * whose first row lacks name, currency or first valid day cannot be created: its rows fail.
 */
export function planNewLists(
  rows: readonly PriceListImportRow[],
  planned: readonly PlannedRow[],
  existingCodes: ReadonlySet<string>,
): { headers: NewListHeader[]; failedCodes: Map<string, { field: string; message: string }> } {
  const headers = new Map<string, NewListHeader>();
  const failedCodes = new Map<string, { field: string; message: string }>();
  for (const p of planned) {
    if (existingCodes.has(p.priceListCode) || headers.has(p.priceListCode) || failedCodes.has(p.priceListCode)) continue;
    const r = rows[p.index]!;
    const missing = r.priceListName === undefined ? 'priceListName' : r.currency === undefined ? 'currency' : r.validFrom === undefined ? 'validFrom' : null;
    if (missing) {
      failedCodes.set(p.priceListCode, { field: missing, message: `price list ${p.priceListCode} does not exist; its first row needs ${missing} to create it` });
      continue;
    }
    headers.set(p.priceListCode, {
      code: p.priceListCode, name: r.priceListName!, currency: r.currency!, validFrom: r.validFrom!, validTo: r.validTo ?? null, channel: r.channel ?? null,
    });
  }
  return { headers: [...headers.values()], failedCodes };
}
