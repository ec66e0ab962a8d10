import type { Sql } from '../../db/types.ts';
import type { KpiRequest, KpiResult } from './kpi-types.ts';
import { daysBetween, round1 } from './kpi-math.ts';

/**
 * Per work centre: WIP = units still to make (quantity − completed) on released / in-progress work
 * orders routed through the centre, now; output = units reported by work orders routed through it in
 * the period; WIP turnover days = WIP ÷ (output ÷ days in the period) — how many days of the
 * period's output the WIP stands for. Null when nothing was output.
 */
export async function wip(tx: Sql, q: KpiRequest): Promise<KpiResult> {
  const { rows } = await tx.query<{ code: string; openOrders: number; wipUnits: number; output: number }>(
    `WITH routed AS (SELECT DISTINCT work_order_id, work_centre_id FROM work_order_operations)
     SELECT c.code,
            count(DISTINCT w.id) FILTER (WHERE w.status IN ('released', 'in_progress'))::int AS "openOrders",
            coalesce(sum(greatest(w.quantity - w.qty_completed, 0)) FILTER (WHERE w.status IN ('released', 'in_progress')), 0)::int AS "wipUnits",
            coalesce((SELECT sum(o.quantity) FROM work_order_outputs o JOIN routed r2 ON r2.work_order_id = o.work_order_id
                       WHERE r2.work_centre_id = c.id AND (o.reported_at AT TIME ZONE $1)::date BETWEEN $2::date AND $3::date), 0)::int AS output
       FROM work_centres c LEFT JOIN routed r ON r.work_centre_id = c.id LEFT JOIN work_orders w ON w.id = r.work_order_id
      WHERE c.active
      GROUP BY c.id, c.code ORDER BY c.code`,
    [q.timeZone, q.from, q.to],
  );
  const plant = await tx.query<{ wipUnits: number; output: number }>(
    `WITH routed AS (SELECT DISTINCT work_order_id FROM work_order_operations)
     SELECT coalesce((SELECT sum(greatest(w.quantity - w.qty_completed, 0)) FROM work_orders w JOIN routed r ON r.work_order_id = w.id
                       WHERE w.status IN ('released', 'in_progress')), 0)::int AS "wipUnits",
            coalesce((SELECT sum(o.quantity) FROM work_order_outputs o JOIN routed r ON r.work_order_id = o.work_order_id
                       WHERE (o.reported_at AT TIME ZONE $1)::date BETWEEN $2::date AND $3::date), 0)::int AS output`,
    [q.timeZone, q.from, q.to],
  );
  return { unit: 'days', series: [], ...wipTurnover(rows, plant.rows[0]!, daysBetween(q.from, q.to) + 1) };
}

export function wipTurnover(
  rows: ReadonlyArray<{ code: string; openOrders: number; wipUnits: number; output: number }>,
  plant: { wipUnits: number; output: number },
  days: number,
): Omit<KpiResult, 'unit' | 'series'> {
  const turnover = (wipUnits: number, output: number) => (output === 0 ? null : round1(wipUnits / (output / days)));
  return {
    value: turnover(plant.wipUnits, plant.output), numerator: plant.wipUnits, denominator: plant.output,
    breakdown: rows.map((r) => ({
      key: r.code, value: turnover(r.wipUnits, r.output), numerator: r.wipUnits, denominator: r.output,
      details: { openOrders: r.openOrders, wipUnits: r.wipUnits, output: r.output, days },
    })),
  };
}
