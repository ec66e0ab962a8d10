import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { lockOrderHead } from '../inventory/order-demand.ts';
import { localToday } from '../orders/business-day.ts';
import { humanNumber } from './human-number.ts';

export interface CreatedPickList {
  id: string;
  number: string;
  kind: 'order' | 'wave';
  warehouseId: string;
  orderIds: string[];
  lines: number;
  units: number;
}

interface OpenAllocation {
  allocationId: string;
  orderId: string;
  lineNo: number;
  deviceId: string;
  lotId: string;
  binId: string;
  warehouseId: string;
  quantity: number;
}

/**
 * A pick list for one order, or a wave of several orders of one warehouse: every open allocation
 * of their current versions with units not yet scanned and not already on an open list, in
 * walking order (bin pick sequence, bin code, then device and lot). Orders are locked in id order
 * so two waves over the same orders wait for each other instead of listing an allocation twice.
 */
export async function createPickListIn(w: Work, orderIds: readonly string[]): Promise<CreatedPickList> {
  const ids = [...new Set(orderIds)].sort();
  for (const id of ids) {
    const head = await lockOrderHead(w.tx, w.actor, id);
    if (head.lifecycle !== 'confirmed' || head.status === 'on_hold') {
      throw new DomainError('INVALID_STATE', `order ${head.number} is ${head.status}: only a confirmed order without holds is picked`, { field: 'orderIds', details: { orderId: id, status: head.status } });
    }
  }
  const { rows } = await w.tx.query<OpenAllocation>(
    `SELECT a.id AS "allocationId", a.order_id AS "orderId", a.line_no AS "lineNo", a.device_id AS "deviceId", a.lot_id AS "lotId",
            a.bin_id AS "binId", wb.warehouse_id AS "warehouseId",
            a.quantity - coalesce((SELECT sum(p.quantity) FROM picks p WHERE p.allocation_id = a.id), 0)::int AS quantity
       FROM allocations a
       JOIN orders o ON o.id = a.order_id AND o.version = a.order_version
       JOIN warehouse_bins wb ON wb.id = a.bin_id
       JOIN devices d ON d.id = a.device_id
       JOIN lots l ON l.id = a.lot_id
      WHERE a.order_id = ANY($1::uuid[]) AND a.status = 'open'
        AND NOT EXISTS (SELECT 1 FROM pick_list_lines pl JOIN pick_lists pk ON pk.id = pl.pick_list_id
                         WHERE pl.allocation_id = a.id AND pk.status IN ('open', 'picking'))
      ORDER BY wb.pick_sequence, wb.code, d.code, l.expires_on, l.lot_number, o.number, a.line_no`,
    [ids],
  );
  const lines = rows.filter((r) => r.quantity > 0);
  if (lines.length === 0) throw new DomainError('INVALID_STATE', 'nothing to pick: the orders have no open allocation that is not already on a pick list', { field: 'orderIds' });
  const warehouses = [...new Set(lines.map((l) => l.warehouseId))];
  if (warehouses.length > 1) throw invalid('orderIds', 'the orders are allocated from several warehouses: make one pick list per warehouse');

  const id = uuidv7();
  const kind = ids.length > 1 ? 'wave' : 'order';
  const number = await humanNumber(w.tx, 'PK', 'pick_list_number_seq', localToday());
  await w.tx.query(`INSERT INTO pick_lists (id, number, warehouse_id, kind, created_by) VALUES ($1, $2, $3, $4, $5)`, [id, number, warehouses[0], kind, w.actor.name]);
  await w.tx.query(
    `INSERT INTO pick_list_lines (id, pick_list_id, seq, allocation_id, order_id, line_no, device_id, lot_id, bin_id, quantity)
     SELECT r.id, $2, r.seq, r."allocationId", r."orderId", r."lineNo", r."deviceId", r."lotId", r."binId", r.quantity
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, seq int, "allocationId" uuid, "orderId" uuid, "lineNo" int, "deviceId" uuid,
            "lotId" uuid, "binId" uuid, quantity int)`,
    [JSON.stringify(lines.map((l, i) => ({ ...l, id: uuidv7(), seq: i + 1 }))), id],
  );
  const units = lines.reduce((n, l) => n + l.quantity, 0);
  w.audit({ entityType: 'pick_list', entityId: id, action: 'created', changes: { number: { new: number }, orderIds: { new: ids }, lines: { new: lines.length }, units: { new: units } } });
  w.emit({ topic: 'pick_list.created', entityType: 'pick_list', entityId: id, payload: { number, orderIds: ids, warehouseId: warehouses[0] } });
  return { id, number, kind, warehouseId: warehouses[0]!, orderIds: ids, lines: lines.length, units };
}

export function createPickList(db: Database, actor: Actor, input: { orderIds: string[] }, requestId: string | null = null): Promise<CreatedPickList> {
  if (input.orderIds.length === 0) throw invalid('orderIds', 'give at least one order');
  return writeTx(db, { actor, requestId }, (w) => createPickListIn(w, input.orderIds));
}
