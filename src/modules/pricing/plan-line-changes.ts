import { diffFields } from '../../platform/audit/audit-record.ts';
import type { ImportRowError, PlannedRow } from './plan-price-list-import.ts';

/** A line as stored before the batch (breaks by min quantity). */
export interface ExistingLine {
  id: string;
  priceListId: string;
  deviceId: string;
  unitPriceMinor: number;
  floorMinor: number | null;
  breaks: Record<string, number>;
}

export type ResolvedRow = PlannedRow & { priceListId: string; deviceId: string };

/**
 * What the batch does to one line. Fields are flat (`breaks.100` per break) so `changes` names
 * exactly the prices that moved, which is also what the audit record keeps.
 */
export interface LineChange {
  /** null for a line the batch creates */
  existingId: string | null;
  priceListId: string;
  deviceId: string;
  after: Record<string, number | null>;
  changes: Record<string, { old?: unknown; new?: unknown }>;
}

export const lineKey = (priceListId: string, deviceId: string): string => `${priceListId}|${deviceId}`;

const flatten = (l: ExistingLine): Record<string, number | null> => ({
  unitPriceMinor: l.unitPriceMinor,
  floorMinor: l.floorMinor,
  ...Object.fromEntries(Object.entries(l.breaks).map(([q, p]) => [`breaks.${q}`, p])),
});

/** Folds the rows into per-line changes; a break for a line with no base price anywhere is an error. */
export function planLineChanges(rows: readonly ResolvedRow[], existing: readonly ExistingLine[]): { changes: LineChange[]; unchanged: number; errors: ImportRowError[] } {
  const stored = new Map(existing.map((l) => [lineKey(l.priceListId, l.deviceId), l]));
  const byLine = new Map<string, ResolvedRow[]>();
  for (const r of rows) {
    const key = lineKey(r.priceListId, r.deviceId);
    byLine.set(key, [...(byLine.get(key) ?? []), r]);
  }
  const out = { changes: [] as LineChange[], unchanged: 0, errors: [] as ImportRowError[] };
  for (const [key, lineRows] of byLine) {
    const old = stored.get(key);
    const before = old ? flatten(old) : null;
    const after: Record<string, number | null> = old ? flatten(old) : { floorMinor: null };
    for (const r of lineRows) {
      if (r.minQuantity > 1) after[`breaks.${r.minQuantity}`] = r.unitPriceMinor;
      else {
        after.unitPriceMinor = r.unitPriceMinor;
        if (r.floorMinor !== undefined) after.floorMinor = r.floorMinor;
      }
    }
    if (after.unitPriceMinor === undefined) {
      for (const r of lineRows) {
        out.errors.push({ index: r.index, field: 'minQuantity', code: 'VALIDATION_FAILED',
          message: `device ${r.deviceCode} has no base price (min quantity 1) on ${r.priceListCode}; import it first or in the same batch` });
      }
      continue;
    }
    const changes = diffFields(before, after);
    if (Object.keys(changes).length === 0) out.unchanged += lineRows.length;
    else out.changes.push({ existingId: old?.id ?? null, priceListId: lineRows[0]!.priceListId, deviceId: lineRows[0]!.deviceId, after, changes });
  }
  return out;
}
