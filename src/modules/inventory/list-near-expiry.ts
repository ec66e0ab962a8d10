import type { Sql } from '../../db/types.ts';

/** Report buckets by days of shelf life left: the first bucket whose limit is above the days left. */
export const NEAR_EXPIRY_BUCKETS = [30, 90, 180] as const;

export interface NearExpiryLot {
  lotId: string;
  lotNumber: string;
  status: string;
  expiresOn: string;
  daysLeft: number;
  deviceId: string;
  deviceCode: string;
  deviceNameZh: string;
  onHand: number;
  allocated: number;
}

export interface NearExpiryReport {
  today: string;
  buckets: Array<{ bucket: string; maxDays: number; lots: NearExpiryLot[]; onHand: number }>;
}

/**
 * Lots with stock on hand that expire within 180 days (not yet expired, not recalled or
 * rejected), per bucket <30, <90, <180 days left, soonest first — for selling them off,
 * returning them to the supplier or writing them off in time.
 */
export async function listNearExpiry(tx: Sql, q: { today: string; warehouseId?: string | undefined }): Promise<NearExpiryReport> {
  const max = NEAR_EXPIRY_BUCKETS.at(-1)!;
  const { rows } = await tx.query<NearExpiryLot>(
    `SELECT l.id AS "lotId", l.lot_number AS "lotNumber", l.status, l.expires_on AS "expiresOn", (l.expires_on - $1::date) AS "daysLeft",
            l.device_id AS "deviceId", d.code AS "deviceCode", d.name_zh AS "deviceNameZh",
            sum(b.on_hand)::int AS "onHand", sum(b.allocated)::int AS allocated
       FROM lots l
       JOIN devices d ON d.id = l.device_id
       JOIN stock_balances b ON b.lot_id = l.id AND b.on_hand > 0
       JOIN warehouse_bins wb ON wb.id = b.bin_id
      WHERE l.status IN ('released', 'quarantine', 'blocked') AND l.expires_on > $1::date AND l.expires_on < $1::date + $2::int
        AND ($3::uuid IS NULL OR wb.warehouse_id = $3)
      GROUP BY l.id, d.id
      ORDER BY l.expires_on, d.code, l.lot_number`,
    [q.today, max, q.warehouseId ?? null],
  );
  let lower = 0;
  const buckets = NEAR_EXPIRY_BUCKETS.map((limit) => {
    const lots = rows.filter((r) => r.daysLeft >= lower && r.daysLeft < limit);
    lower = limit;
    return { bucket: `<${limit}`, maxDays: limit, lots, onHand: lots.reduce((n, l) => n + l.onHand, 0) };
  });
  return { today: q.today, buckets };
}
