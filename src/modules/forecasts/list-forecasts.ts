import type { Sql } from '../../db/types.ts';
import { invalid } from '../../platform/errors.ts';
import { boundOf } from './forecast-period.ts';
import type { ForecastQuery } from './forecast-schemas.ts';

export interface ForecastView {
  id: string;
  customerId: string | null;
  customerCode: string | null;
  channel: string | null;
  deviceId: string;
  deviceCode: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  quantity: number;
  consumed: number;
  remaining: number;
  source: string;
  sourceRef: string | null;
  updatedBy: string | null;
  updatedAt: Date;
}

export const FORECAST_COLUMNS = `f.id, f.customer_id AS "customerId", c.code AS "customerCode", f.channel, f.device_id AS "deviceId",
  d.code AS "deviceCode", f.period, f.period_start AS "periodStart", f.period_end AS "periodEnd", f.quantity, f.consumed,
  f.quantity - f.consumed AS remaining, f.source, f.source_ref AS "sourceRef", f.updated_by AS "updatedBy", f.updated_at AS "updatedAt"`;

export const FORECAST_FROM = `forecasts f JOIN devices d ON d.id = f.device_id LEFT JOIN parties c ON c.id = f.customer_id`;

/** A query bound as a day: `from` a period's first day, `to` its last; refused naming the field otherwise. */
function bound(text: string | undefined, side: 'from' | 'to'): string | null {
  if (text === undefined) return null;
  const day = boundOf(text, side);
  if (!day) throw invalid(side, `${text} is no day, month or ISO week`);
  return day;
}

/**
 * Forecasts by customer, channel, device and the periods overlapping [from, to], each with what
 * orders consumed and what remains; earliest period first.
 */
export async function listForecasts(tx: Sql, q: ForecastQuery) {
  const limit = q.limit ?? 50;
  const offset = q.offset ?? 0;
  const params = [q.customerId ?? null, q.channel ?? null, q.deviceId ?? null, bound(q.from, 'from'), bound(q.to, 'to'), q.open ?? null];
  const where = `($1::uuid IS NULL OR f.customer_id = $1) AND ($2::text IS NULL OR f.channel = $2)
    AND ($3::uuid IS NULL OR f.device_id = $3) AND ($4::date IS NULL OR f.period_end >= $4)
    AND ($5::date IS NULL OR f.period_start <= $5) AND ($6::boolean IS NULL OR (f.quantity > f.consumed) = $6)`;
  const [items, total] = await Promise.all([
    tx.query<ForecastView>(
      `SELECT ${FORECAST_COLUMNS} FROM ${FORECAST_FROM} WHERE ${where}
        ORDER BY f.period_start, c.code NULLS LAST, f.channel, d.code, f.period LIMIT $7 OFFSET $8`,
      [...params, limit, offset]),
    tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM forecasts f WHERE ${where}`, params),
  ]);
  return { items: items.rows, total: total.rows[0]!.n, limit, offset };
}
