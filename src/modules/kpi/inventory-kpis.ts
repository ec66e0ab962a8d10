import type { Sql } from '../../db/types.ts';
import type { KpiRequest, KpiResult, KpiRow } from './kpi-types.ts';
import { EXPIRY_BUCKETS, expiryBucket } from './kpi-math.ts';

/** On-hand units per lot with what the inventory KPIs group by — a snapshot today. */
interface StockRow {
  units: number;
  daysLeft: number;
  deviceClass: string;
  categoryCode: string;
  lotStatus: string;
}

async function loadStock(tx: Sql, today: string): Promise<StockRow[]> {
  const { rows } = await tx.query<StockRow>(
    `SELECT sum(b.on_hand)::int AS units, (l.expires_on - $1::date) AS "daysLeft", d.device_class AS "deviceClass",
            d.category_code AS "categoryCode", l.status AS "lotStatus"
       FROM stock_balances b JOIN lots l ON l.id = b.lot_id JOIN devices d ON d.id = b.device_id
      WHERE b.on_hand > 0
      GROUP BY l.id, d.device_class, d.category_code`,
    [today],
  );
  return rows;
}

const share = (key: string, units: number, total: number): KpiRow => ({ key, value: units, numerator: units, denominator: total });

/** Units on hand by days of shelf life left: expired, < 30, < 90, < 180, ≥ 180. */
export function expiryBuckets(rows: readonly StockRow[]): Omit<KpiResult, 'unit'> {
  const total = rows.reduce((s, r) => s + r.units, 0);
  const breakdown = EXPIRY_BUCKETS.map((b) => share(b, rows.filter((r) => expiryBucket(r.daysLeft) === b).reduce((s, r) => s + r.units, 0), total));
  return { value: total, numerator: null, denominator: null, series: [], breakdown };
}

/** Units on hand by device class, by category code and by lot status (keys `class:II`, `category:13-07-01`, `status:released`). */
export function structure(rows: readonly StockRow[]): Omit<KpiResult, 'unit'> {
  const total = rows.reduce((s, r) => s + r.units, 0);
  const dims: Array<[string, (r: StockRow) => string]> = [['class', (r) => r.deviceClass], ['category', (r) => r.categoryCode], ['status', (r) => r.lotStatus]];
  const breakdown = dims.flatMap(([dim, get]) => {
    const sums = new Map<string, number>();
    for (const r of rows) sums.set(get(r), (sums.get(get(r)) ?? 0) + r.units);
    return [...sums.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([k, units]) => share(`${dim}:${k}`, units, total));
  });
  return { value: total, numerator: null, denominator: null, series: [], breakdown };
}

export const inventoryByExpiry = async (tx: Sql, q: KpiRequest): Promise<KpiResult> => ({ unit: 'units', ...expiryBuckets(await loadStock(tx, q.today)) });
export const inventoryStructure = async (tx: Sql, q: KpiRequest): Promise<KpiResult> => ({ unit: 'units', ...structure(await loadStock(tx, q.today)) });
