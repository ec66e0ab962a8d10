import type { Sql } from '../../db/types.ts';

export interface OpenDemand {
  forecastId: string;
  customerId: string | null;
  channel: string | null;
  deviceId: string;
  period: string;
  periodStart: string;
  periodEnd: string;
  /** Base units planned, not yet turned into orders. */
  remaining: number;
}

/**
 * For planning: the forecast demand of these devices still open — planned but not consumed by
 * orders (what orders took is demand the orders themselves now carry) — in every period that
 * overlaps [from, to] ('YYYY-MM-DD', both inclusive). A period partly inside counts whole: the
 * caller decides how to spread it. By device, then period.
 */
export async function openForecastDemand(tx: Sql, q: { deviceIds: readonly string[]; from: string; to: string }): Promise<OpenDemand[]> {
  if (q.deviceIds.length === 0) return [];
  const { rows } = await tx.query<OpenDemand>(
    `SELECT id AS "forecastId", customer_id AS "customerId", channel, device_id AS "deviceId", period,
            period_start AS "periodStart", period_end AS "periodEnd", quantity - consumed AS remaining
       FROM forecasts
      WHERE device_id = ANY($1::uuid[]) AND period_start <= $3::date AND period_end >= $2::date AND quantity > consumed
      ORDER BY device_id, period_start, customer_id NULLS LAST, channel`,
    [[...new Set(q.deviceIds)], q.from, q.to],
  );
  return rows;
}
