import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { humanNumber } from '../fulfillment/human-number.ts';
import { recordMoves } from '../inventory/record-moves.ts';
import { getRepair, lockRepair, type RepairView } from './get-repair.ts';
import type { RepairShipInput } from './return-schemas.ts';

/**
 * Sends a repaired unit back to the customer. It is a real shipment — a shipments row and a
 * shipment_lines row to the same consignee (customer and ship-to of the shipment it first left
 * with, under the same order line) — so trace, which nets shipment_lines.quantity against
 * qty_returned, sees the serial in the field again. The order line's shipped quantity is not
 * raised: the sale did not change, the unit only came back for repair.
 */
export async function shipRepair(w: Work, id: string, input: RepairShipInput, today: string): Promise<RepairView> {
  const r = await lockRepair(w, id);
  if (r.status !== 'repaired') throw new DomainError('INVALID_STATE', `repair ${r.number} is ${r.status}: only a repaired unit is sent back`, { details: { status: r.status } });
  const { rows: [origin] } = await w.tx.query<{ orderId: string; lineNo: number; shipToId: string | null; warehouseId: string }>(
    `SELECT sl.order_id AS "orderId", sl.line_no AS "lineNo", sl.ship_to_id AS "shipToId", b.warehouse_id AS "warehouseId"
       FROM return_lines rl JOIN shipment_lines sl ON sl.id = rl.shipment_line_id, warehouse_bins b
      WHERE rl.id = $1 AND b.id = $2`, [r.returnLineId, r.binId]);
  const shipmentId = uuidv7();
  const number = await humanNumber(w.tx, 'SH', 'shipment_number_seq', today);
  await w.tx.query(
    `INSERT INTO shipments (id, number, order_id, customer_id, ship_to_id, warehouse_id, carrier, tracking_number, shipped_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [shipmentId, number, origin!.orderId, r.customerId, origin!.shipToId, origin!.warehouseId, input.carrier, input.trackingNumber, w.actor.name]);
  await w.tx.query(
    `INSERT INTO shipment_lines (shipment_id, order_id, line_no, device_id, lot_id, serial_id, customer_id, ship_to_id, quantity, shipped_at)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 1, now())`,
    [shipmentId, origin!.orderId, origin!.lineNo, r.deviceId, r.lotId, r.serialId, r.customerId, origin!.shipToId]);
  await recordMoves(w.tx, [{ moveType: 'ship', deviceId: r.deviceId, lotId: r.lotId, serialId: r.serialId, fromBinId: r.binId, quantity: 1,
    reason: `repair ${r.number} sent back (${number})`, refType: 'repair', refId: id }], w.actor.name);
  await w.tx.query(`UPDATE repair_orders SET status = 'shipped', return_shipment_id = $2, updated_at = now() WHERE id = $1`, [id, shipmentId]);
  w.audit({ entityType: 'repair', entityId: id, action: 'shipped', changes: {
    status: { old: 'repaired', new: 'shipped' }, shipment: { new: number }, carrier: { new: input.carrier }, trackingNumber: { new: input.trackingNumber },
  } });
  w.emit({ topic: 'repair.shipped', entityType: 'repair', entityId: id, payload: { number: r.number, shipmentId, shipmentNumber: number, customerId: r.customerId } });
  return getRepair(w.tx, id);
}
