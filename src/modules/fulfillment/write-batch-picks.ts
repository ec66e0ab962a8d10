import type { Sql } from '../../db/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Actor } from '../../platform/actor.ts';
import type { BatchPick } from './decide-batch.ts';

export interface WrittenPick {
  index: number;
  pickId: string;
  lineId: string;
  orderId: string;
  lineNo: number;
  deviceId: string;
  lotId: string;
  serialId: string | null;
  binId: string;
  quantity: number;
}

/**
 * Writes a batch's accepted picks in five set-based statements: the picks rows, the pick lines'
 * and order lines' picked counts, the serials marked picked, and the list's status. Returns the
 * picks as written and the list's status.
 */
export async function writeBatchPicks(tx: Sql, actor: Actor, pickListId: string, picks: readonly BatchPick[]): Promise<{ written: WrittenPick[]; status: string }> {
  const ids = picks.map(() => uuidv7());
  const { rows } = await tx.query<{ id: string; orderId: string; lineNo: number; deviceId: string }>(
    `INSERT INTO picks (id, pick_list_line_id, allocation_id, order_id, line_no, device_id, lot_id, serial_id, bin_id, quantity, scan, picked_by, picked_by_user)
     SELECT r.id, pl.id, pl.allocation_id, pl.order_id, pl.line_no, pl.device_id, pl.lot_id, r.serial_id, pl.bin_id, r.quantity, r.scan, $6, $7
       FROM unnest($1::uuid[], $2::uuid[], $3::uuid[], $4::int[], $5::text[]) AS r(id, line_id, serial_id, quantity, scan)
       JOIN pick_list_lines pl ON pl.id = r.line_id
     RETURNING id, order_id AS "orderId", line_no AS "lineNo", device_id AS "deviceId"`,
    [ids, picks.map((p) => p.lineId), picks.map((p) => p.serialId), picks.map((p) => p.quantity), picks.map((p) => p.scan), actor.name, actor.userId],
  );
  const byId = new Map(rows.map((r) => [r.id, r]));
  await tx.query(
    `UPDATE pick_list_lines pl SET picked = pl.picked + r.units
       FROM (SELECT line_id, sum(quantity)::int AS units FROM unnest($1::uuid[], $2::int[]) AS u(line_id, quantity) GROUP BY line_id) r
      WHERE pl.id = r.line_id`,
    [picks.map((p) => p.lineId), picks.map((p) => p.quantity)],
  );
  const serialIds = picks.flatMap((p) => (p.serialId ? [p.serialId] : []));
  if (serialIds.length) await tx.query(`UPDATE serial_units SET status = 'picked', updated_at = now() WHERE id = ANY($1::uuid[])`, [serialIds]);
  await tx.query(
    `UPDATE order_lines ol SET qty_picked = ol.qty_picked + r.units
       FROM (SELECT p.order_id, p.line_no, sum(p.quantity)::int AS units FROM picks p WHERE p.id = ANY($1::uuid[]) GROUP BY p.order_id, p.line_no) r
      WHERE ol.order_id = r.order_id AND ol.line_no = r.line_no`,
    [ids],
  );
  const { rows: [state] } = await tx.query<{ status: string }>(
    `UPDATE pick_lists SET status = CASE WHEN open.n = 0 THEN 'picked' ELSE 'picking' END, completed_at = CASE WHEN open.n = 0 THEN now() END
       FROM (SELECT count(*)::int AS n FROM pick_list_lines WHERE pick_list_id = $1 AND picked < quantity) open
      WHERE id = $1 RETURNING status`,
    [pickListId],
  );
  const written = picks.map((p, i) => {
    const row = byId.get(ids[i]!)!;
    return { index: p.index, pickId: ids[i]!, lineId: p.lineId, orderId: row.orderId, lineNo: row.lineNo, deviceId: row.deviceId, lotId: p.lotId, serialId: p.serialId, binId: p.binId, quantity: p.quantity };
  });
  return { written, status: state!.status };
}
