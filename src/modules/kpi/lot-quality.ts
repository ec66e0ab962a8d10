import type { Sql } from '../../db/types.ts';
import type { KpiRequest, KpiResult } from './kpi-types.ts';
import { ratio, ratioOver } from './kpi-math.ts';

/**
 * Incoming inspection pass rate (inspections recorded in the period whose defects were within the
 * sampling plan's accept number) and complaints per shipped lot (complaints naming a lot, opened in
 * the period, over the distinct lots shipped in the period). The customer filter and a territory
 * apply to the complaints and shipments; inspections are of suppliers' goods and ignore them.
 */
export async function lotQuality(tx: Sql, q: KpiRequest): Promise<KpiResult> {
  const inspections = await tx.query<{ on: string; hit: boolean }>(
    `SELECT to_char((i.inspected_at AT TIME ZONE $1)::date, 'YYYY-MM-DD') AS on, i.defects <= i.accept_number AS hit
       FROM incoming_inspections i
      WHERE i.inspected_at IS NOT NULL AND i.defects IS NOT NULL
        AND (i.inspected_at AT TIME ZONE $1)::date BETWEEN $2::date AND $3::date`,
    [q.timeZone, q.from, q.to],
  );
  const counts = await tx.query<{ complaints: number; shippedLots: number }>(
    `SELECT (SELECT count(*)::int FROM complaints c
              WHERE c.lot_id IS NOT NULL AND (c.created_at AT TIME ZONE $1)::date BETWEEN $2::date AND $3::date
                AND ($4::uuid IS NULL OR c.customer_id = $4) AND ($5::uuid[] IS NULL OR c.customer_id = ANY($5))) AS complaints,
            (SELECT count(DISTINCT sl.lot_id)::int FROM shipment_lines sl
              WHERE (sl.shipped_at AT TIME ZONE $1)::date BETWEEN $2::date AND $3::date
                AND ($4::uuid IS NULL OR sl.customer_id = $4) AND ($5::uuid[] IS NULL OR sl.customer_id = ANY($5))) AS "shippedLots"`,
    [q.timeZone, q.from, q.to, q.customerId, q.customerIds],
  );
  const pass = ratioOver(inspections.rows, q.groupBy);
  const { complaints, shippedLots } = counts.rows[0]!;
  return {
    unit: 'ratio', ...pass,
    breakdown: [
      { key: 'incoming_inspection_pass_rate', value: pass.value, numerator: pass.numerator, denominator: pass.denominator },
      { key: 'complaints_per_shipped_lot', value: ratio(complaints, shippedLots), numerator: complaints, denominator: shippedLots },
    ],
  };
}
