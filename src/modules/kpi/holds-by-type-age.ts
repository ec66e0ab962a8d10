import type { Sql } from '../../db/types.ts';
import type { KpiRequest, KpiResult } from './kpi-types.ts';
import { AGE_BUCKETS, ageBucket } from './kpi-math.ts';

const HOLD_TYPES = ['credit', 'compliance', 'price', 'contract', 'stock', 'anomaly'] as const;

/** Open holds now, by hold type and by age (hours since placed) — a snapshot; the period does not apply. */
export async function holdsByTypeAge(tx: Sql, q: KpiRequest, now: Date): Promise<KpiResult> {
  const { rows } = await tx.query<{ holdType: string; hours: number }>(
    `SELECT h.hold_type AS "holdType", extract(epoch FROM $1::timestamptz - h.placed_at)::float8 / 3600 AS hours
       FROM order_holds h JOIN orders o ON o.id = h.order_id
      WHERE h.status = 'open' AND ($2::uuid IS NULL OR o.customer_id = $2) AND ($3::text IS NULL OR o.channel = $3)
        AND ($4::uuid[] IS NULL OR o.customer_id = ANY($4))`,
    [now.toISOString(), q.customerId, q.channel, q.customerIds],
  );
  return { unit: 'holds', series: [], ...countHolds(rows) };
}

export function countHolds(rows: ReadonlyArray<{ holdType: string; hours: number }>): Omit<KpiResult, 'unit' | 'series'> {
  const breakdown = HOLD_TYPES.map((type) => {
    const mine = rows.filter((r) => r.holdType === type);
    const details = Object.fromEntries(AGE_BUCKETS.map((b) => [b, mine.filter((r) => ageBucket(r.hours) === b).length]));
    return { key: type, value: mine.length, numerator: null, denominator: null, details };
  });
  return { value: rows.length, numerator: null, denominator: null, breakdown };
}
