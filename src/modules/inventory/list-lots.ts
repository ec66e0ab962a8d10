import type { Sql } from '../../db/types.ts';
import { LOT_VIEW } from './get-lot.ts';

export interface LotFilter {
  deviceId?: string | undefined;
  lotNumber?: string | undefined;
  status?: string | undefined;
  limit: number;
  offset: number;
}

/** Lots by device, number and status, with the stock each holds in total; earliest expiry first. */
export async function listLots(tx: Sql, f: LotFilter) {
  const params = [f.deviceId ?? null, f.lotNumber ?? null, f.status ?? null];
  const where = `($1::uuid IS NULL OR l.device_id = $1) AND ($2::text IS NULL OR l.lot_number = $2) AND ($3::text IS NULL OR l.status = $3)`;
  const [items, total] = await Promise.all([
    tx.query(
      `SELECT ${LOT_VIEW},
              coalesce((SELECT sum(on_hand) FROM stock_balances b WHERE b.lot_id = l.id), 0)::int AS "onHand",
              coalesce((SELECT sum(allocated) FROM stock_balances b WHERE b.lot_id = l.id), 0)::int AS allocated
         FROM lots l JOIN devices d ON d.id = l.device_id
        WHERE ${where} ORDER BY l.expires_on, d.code, l.lot_number LIMIT $4 OFFSET $5`,
      [...params, f.limit, f.offset],
    ),
    tx.query<{ n: number }>(`SELECT count(*)::int AS n FROM lots l WHERE ${where}`, params),
  ]);
  return { items: items.rows, total: total.rows[0]!.n };
}
