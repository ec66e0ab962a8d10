import type { Database } from '../../db/types.ts';
import { systemActor } from '../../platform/actor.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { allocateOrder } from '../inventory/allocate-order.ts';
import { recordMoves } from '../inventory/record-moves.ts';
import { today } from '../inventory/stock.fixture.ts';
import { gs1CheckDigit } from '../udi/check-digit.ts';

/**
 * Test data for trace: allocates a confirmed order for real (FEFO), then writes what shipping it
 * leaves behind — ship moves in the ledger (serials leave their bins), picks, one package with an
 * SSCC, the shipment and its shipment_lines with the consignee — in one audited transaction.
 * Tests use it so trace does not depend on the fulfilment module's pick/pack/ship flow.
 */
const actor = systemActor('trace-fixture');
let sscc = 0;

export interface ShippedForTrace {
  shipmentId: string;
  shipmentNumber: string;
  sscc: string;
  units: Array<{ lotId: string; serialId: string | null; quantity: number }>;
}

export async function shipOrderForTrace(db: Database, orderId: string, opts: { shippedAt?: Date } = {}): Promise<ShippedForTrace> {
  const allocated = await allocateOrder(db, actor, orderId, { earliestShipDate: today() });
  if (allocated.backOrders.length) throw new Error(`fixture order ${allocated.number} is short of stock`);
  return writeTx(db, { actor }, async (w) => {
    const { rows: units } = await w.tx.query<{ allocationId: string; lineNo: number; deviceId: string; lotId: string; binId: string; serialId: string | null; quantity: number }>(
      `SELECT a.id AS "allocationId", a.line_no AS "lineNo", a.device_id AS "deviceId", a.lot_id AS "lotId", a.bin_id AS "binId",
              su.id AS "serialId", CASE WHEN su.id IS NULL THEN a.quantity ELSE 1 END AS quantity
         FROM allocations a
         JOIN devices d ON d.id = a.device_id
         LEFT JOIN LATERAL (SELECT s.id FROM serial_units s
                             WHERE d.tracking_mode <> 'lot' AND s.lot_id = a.lot_id AND s.bin_id = a.bin_id AND s.status = 'in_stock'
                             ORDER BY s.serial LIMIT a.quantity) su ON true
        WHERE a.order_id = $1 AND a.status = 'open' ORDER BY a.line_no, su.id`, [orderId]);
    const shipmentId = uuidv7();
    const body = `0${'6901234'}${String(900_000_000 + ++sscc).padStart(9, '0')}`;
    const code = `${body}${gs1CheckDigit(body)}`;
    const packageId = uuidv7();
    // The database clock by default: the ship moves are stamped with it too.
    const at = opts.shippedAt ?? null;
    const { rows: [s] } = await w.tx.query<{ number: string }>(
      `INSERT INTO shipments (id, number, order_id, customer_id, ship_to_id, warehouse_id, carrier, tracking_number, shipped_by, shipped_at)
       SELECT $1, 'SH-T-' || lpad(nextval('shipment_number_seq')::text, 6, '0'), o.id, o.customer_id, o.ship_to_id, wb.warehouse_id, 'SF', 'SF' || $2, $3, coalesce($4::timestamptz, now())
         FROM orders o, warehouse_bins wb WHERE o.id = $5 AND wb.id = $6 RETURNING number`,
      [shipmentId, code.slice(-10), actor.name, at, orderId, units[0]!.binId]);
    await w.tx.query(`INSERT INTO packages (id, sscc, order_id, status, shipment_id, created_by) VALUES ($1, $2, $3, 'shipped', $4, $5)`,
      [packageId, code, orderId, shipmentId, actor.name]);
    await recordMoves(w.tx, units.map((u) => ({ moveType: 'ship' as const, deviceId: u.deviceId, lotId: u.lotId, serialId: u.serialId, fromBinId: u.binId,
      quantity: u.quantity, allocated: u.quantity, refType: 'order', refId: orderId })), actor.name);
    await w.tx.query(
      `WITH u AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("allocationId" uuid, "lineNo" int, "deviceId" uuid, "lotId" uuid, "binId" uuid, "serialId" uuid, quantity int)),
       p AS (INSERT INTO picks (id, allocation_id, order_id, line_no, device_id, lot_id, serial_id, bin_id, quantity, scan, package_id, shipment_id, picked_by, picked_at)
             SELECT gen_random_uuid(), "allocationId", $2, "lineNo", "deviceId", "lotId", "serialId", "binId", quantity, 'fixture', $3, $4, $5, coalesce($6::timestamptz, now()) - interval '1 millisecond' FROM u)
       INSERT INTO shipment_lines (shipment_id, order_id, line_no, device_id, lot_id, serial_id, package_id, customer_id, ship_to_id, quantity, shipped_at)
       SELECT $4, o.id, u."lineNo", u."deviceId", u."lotId", u."serialId", $3, o.customer_id, o.ship_to_id, u.quantity, coalesce($6::timestamptz, now()) FROM u, orders o WHERE o.id = $2`,
      [JSON.stringify(units), orderId, packageId, shipmentId, actor.name, at]);
    await w.tx.query(`UPDATE allocations SET status = 'picked', picked = quantity WHERE order_id = $1 AND status = 'open'`, [orderId]);
    w.audit({ entityType: 'shipment', entityId: shipmentId, action: 'shipped', changes: { orderId, units: units.length } });
    w.emit({ topic: 'shipment.shipped', entityType: 'shipment', entityId: shipmentId, payload: { orderId } });
    return { shipmentId, shipmentNumber: s!.number, sscc: code, units: units.map((u) => ({ lotId: u.lotId, serialId: u.serialId, quantity: u.quantity })) };
  });
}
