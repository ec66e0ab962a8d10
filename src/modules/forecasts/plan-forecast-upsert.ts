import { overlaps, parsePeriod } from './forecast-period.ts';
import { mixedMessage, naturalKey, scopeKey, type KeyedRow, type RowError } from './forecast-rows.ts';

/** A stored forecast as the import compares against it. */
export interface StoredForecast {
  id: string;
  customerId: string | null;
  channel: string | null;
  deviceId: string;
  period: string;
  quantity: number;
  consumed: number;
}

export interface UpsertPlan {
  create: Array<KeyedRow & { id: string }>;
  update: Array<KeyedRow & { id: string; oldQuantity: number }>;
  unchanged: Array<KeyedRow & { id: string }>;
  errors: RowError[];
}

const storedKey = (f: StoredForecast): string => `${scopeKey(f)}|${f.deviceId}|${f.period}`;

/**
 * Decides what each checked row does to the stored forecasts: create, update its quantity, or
 * nothing. A quantity below what orders already consumed is refused, and so is a month or week
 * that overlaps a stored forecast of the other kind still holding demand after this batch.
 * `neighbours` are the stored forecasts of the same customers/channels and devices around the
 * batch's periods; `newId` makes ids.
 */
export function planForecastUpsert(rows: readonly KeyedRow[], neighbours: readonly StoredForecast[], newId: () => string): UpsertPlan {
  const stored = new Map(neighbours.map((f) => [storedKey(f), f]));
  const batchQuantity = new Map(rows.map((r) => [naturalKey(r), r.quantity]));
  const plan: UpsertPlan = { create: [], update: [], unchanged: [], errors: [] };
  for (const r of rows) {
    const old = stored.get(naturalKey(r));
    if (old && r.quantity < old.consumed) {
      plan.errors.push({ row: r.row, column: 'quantity', code: 'INVALID_STATE',
        message: `quantity: ${old.consumed} of this forecast were already converted into orders; it cannot go below that` });
      continue;
    }
    const clash = r.quantity > 0 ? neighbours.find((f) => {
      const p = parsePeriod(f.period);
      const after = batchQuantity.get(storedKey(f)) ?? f.quantity;
      return p !== null && after > 0 && scopeKey(f) === scopeKey(r) && f.deviceId === r.deviceId && p.kind !== r.period.kind && overlaps(p, r.period);
    }) : undefined;
    if (clash) {
      plan.errors.push({ row: r.row, column: 'period', code: 'CONFLICT', message: `period: ${mixedMessage(r.period.period, clash.period, 'already stored')}` });
      continue;
    }
    if (!old) plan.create.push({ ...r, id: newId() });
    else if (old.quantity !== r.quantity) plan.update.push({ ...r, id: old.id, oldQuantity: old.quantity });
    else plan.unchanged.push({ ...r, id: old.id });
  }
  return plan;
}
