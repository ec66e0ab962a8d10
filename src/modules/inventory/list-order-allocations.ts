import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { readOrderHead } from './order-demand.ts';

/**
 * The live allocations of an order's current version, in pick-path order: what picking works
 * from (lot, expiry, warehouse, bin, units still to pick).
 */
export async function listOrderAllocations(tx: Sql, actor: Actor, orderId: string) {
  const head = await readOrderHead(tx, actor, orderId);
  const { rows } = await tx.query(
    `SELECT a.id, a.line_no AS "lineNo", a.device_id AS "deviceId", d.code AS "deviceCode", a.lot_id AS "lotId",
            l.lot_number AS "lotNumber", l.expires_on AS "expiresOn", l.status AS "lotStatus", w.code AS "warehouseCode",
            a.bin_id AS "binId", wb.code AS "binCode", a.quantity, a.picked, a.status, a.created_at AS "createdAt"
       FROM allocations a
       JOIN lots l ON l.id = a.lot_id JOIN devices d ON d.id = a.device_id
       JOIN warehouse_bins wb ON wb.id = a.bin_id JOIN warehouses w ON w.id = wb.warehouse_id
      WHERE a.order_id = $1 AND a.order_version = $2 AND a.status <> 'released'
      ORDER BY w.code, wb.pick_sequence, wb.code, a.line_no`,
    [orderId, head.version],
  );
  return { orderId, number: head.number, version: head.version, items: rows };
}
