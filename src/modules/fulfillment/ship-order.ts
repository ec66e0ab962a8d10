import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { loadAllocationPolicy } from '../inventory/allocation-policy.ts';
import { lockOrderHead } from '../inventory/order-demand.ts';
import { recordMoves } from '../inventory/record-moves.ts';
import { refreshOrderStatus } from '../orders/refresh-order-status.ts';
import { checkShipment, type ShipUnit } from './check-shipment.ts';
import { humanNumber } from './human-number.ts';

export interface ShipInput {
  carrier: string;
  trackingNumber: string;
  /** The packages that leave; default: every packed package of the order not yet shipped. */
  packageIds?: string[];
  carrierServiceId?: string;
}

export interface ShippedOrder {
  id: string;
  number: string;
  orderId: string;
  status: 'shipped';
  packageIds: string[];
  units: number;
  lines: number;
  orderStatus: string;
}

type Unit = ShipUnit & { deviceId: string; binId: string; allocationId: string; lineNo: number; quantity: number };

async function loadUnits(w: Work, orderId: string, packageIds: readonly string[]): Promise<Unit[]> {
  const { rows } = await w.tx.query<Omit<Unit, 'lot'> & { status: string | null; expiresOn: string | null; manufacturedOn: string | null }>(
    `SELECT p.id AS "pickId", p.package_id AS "packageId", pk.status AS "packageStatus", d.code AS "deviceCode", d.device_class AS "deviceClass",
            d.tracking_mode AS "trackingMode", p.lot_id AS "lotId", l.lot_number AS "lotNumber", l.status, l.expires_on AS "expiresOn",
            l.manufactured_on AS "manufacturedOn", p.serial_id AS "serialId", a.status AS "allocationStatus",
            EXISTS (SELECT 1 FROM lot_documents ld WHERE ld.lot_id = p.lot_id AND ld.kind = 'certificate_of_conformity') AS "hasCertificate",
            p.device_id AS "deviceId", p.bin_id AS "binId", p.allocation_id AS "allocationId", p.line_no AS "lineNo", p.quantity
       FROM picks p
       JOIN packages pk ON pk.id = p.package_id
       JOIN devices d ON d.id = p.device_id
       JOIN allocations a ON a.id = p.allocation_id
       LEFT JOIN lots l ON l.id = p.lot_id
      WHERE p.order_id = $1 AND p.package_id = ANY($2::uuid[]) AND p.shipment_id IS NULL
      ORDER BY p.line_no, p.picked_at, p.id
      FOR UPDATE OF p, a`,
    [orderId, packageIds],
  );
  return rows.map(({ status, expiresOn, manufacturedOn, ...u }) => ({ ...u, lot: status && expiresOn ? { status: status as NonNullable<ShipUnit['lot']>['status'], expiresOn, manufacturedOn } : null }));
}

async function choosePackages(w: Work, orderId: string, given: readonly string[] | undefined): Promise<string[]> {
  const { rows } = await w.tx.query<{ id: string; status: string }>(
    `SELECT id, status FROM packages WHERE order_id = $1 AND ${given ? 'id = ANY($2::uuid[])' : `status IN ('closed', 'reviewed')`} ORDER BY created_at, id FOR UPDATE`,
    given ? [orderId, given] : [orderId],
  );
  if (given) {
    const unknown = given.filter((id) => !rows.some((r) => r.id === id));
    if (unknown.length) throw new DomainError('VALIDATION_FAILED', `packageIds: ${unknown.join(', ')} are not packages of this order`, { field: 'packageIds', details: { unknown } });
    const gone = rows.filter((r) => r.status === 'shipped' || r.status === 'open').map((r) => r.id);
    if (gone.length) throw new DomainError('INVALID_STATE', `packageIds: ${gone.join(', ')} are already shipped or still open`, { field: 'packageIds', details: { packageIds: gone } });
  }
  if (rows.length === 0) throw new DomainError('INVALID_STATE', 'nothing to ship: the order has no packed package that has not shipped', { field: 'packageIds' });
  return rows.map((r) => r.id);
}

/**
 * Ships packed packages of one order (a partial shipment is the packages given). Refused unless
 * every unit is bound to a lot (and serial), each lot has its certificate of conformity
 * (invariant 3), each lot is still eligible today (invariant 1) and reviewed packages where the
 * device class needs it. Writes the shipment and its trace lines (consignee copied), 'ship'
 * moves that take the units off their bins and out of the allocations (on hand and allocated
 * down, allocations picked), serials shipped, packages shipped, order lines' shipped counts.
 */
export async function shipOrderIn(w: Work, orderId: string, input: ShipInput, ctx: { today: string }): Promise<ShippedOrder> {
  const head = await lockOrderHead(w.tx, w.actor, orderId);
  if (head.lifecycle !== 'confirmed' || head.status === 'on_hold') {
    throw new DomainError('INVALID_STATE', `order ${head.number} is ${head.status}: only a confirmed order without holds ships`, { details: { status: head.status } });
  }
  if (input.carrierServiceId) {
    const { rows } = await w.tx.query('SELECT 1 FROM carrier_services WHERE id = $1', [input.carrierServiceId]);
    if (!rows[0]) throw invalid('carrierServiceId', 'no such carrier service');
  }
  const packageIds = await choosePackages(w, orderId, input.packageIds);
  const units = await loadUnits(w, orderId, packageIds);
  if (units.length === 0) throw new DomainError('INVALID_STATE', 'the packages hold no unit to ship', { field: 'packageIds' });
  const reviewClasses = new Set((await w.tx.query<{ c: string }>('SELECT device_class AS c FROM outbound_review_classes')).rows.map((r) => r.c));
  const policy = await loadAllocationPolicy(w.tx, { customerId: head.customerId, shipToId: head.shipToId });
  const refusal = checkShipment(units, reviewClasses, ctx.today, policy.shelfLife);
  if (refusal) throw new DomainError(refusal.code, refusal.message, { details: refusal.details });

  const id = uuidv7();
  const number = await humanNumber(w.tx, 'SH', 'shipment_number_seq', ctx.today);
  const { rows: [wh] } = await w.tx.query<{ warehouseId: string }>('SELECT warehouse_id AS "warehouseId" FROM warehouse_bins WHERE id = $1', [units[0]!.binId]);
  const { rows: [shipment] } = await w.tx.query<{ shippedAt: string }>(
    `INSERT INTO shipments (id, number, order_id, customer_id, ship_to_id, warehouse_id, carrier_service_id, carrier, tracking_number, shipped_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10) RETURNING shipped_at AS "shippedAt"`,
    [id, number, orderId, head.customerId, head.shipToId, wh!.warehouseId, input.carrierServiceId ?? null, input.carrier, input.trackingNumber, w.actor.name],
  );
  const pickIds = units.map((u) => u.pickId);
  await w.tx.query(
    `INSERT INTO shipment_lines (shipment_id, order_id, line_no, device_id, lot_id, serial_id, package_id, customer_id, ship_to_id, quantity, shipped_at)
     SELECT $1, p.order_id, p.line_no, p.device_id, p.lot_id, p.serial_id, p.package_id, $3, $4, sum(p.quantity)::int, $5
       FROM picks p WHERE p.id = ANY($2::uuid[])
      GROUP BY p.order_id, p.line_no, p.device_id, p.lot_id, p.serial_id, p.package_id
      ORDER BY p.line_no, p.package_id, p.lot_id, p.serial_id`,
    [id, pickIds, head.customerId, head.shipToId, shipment!.shippedAt],
  );
  await recordMoves(w.tx, units.map((u) => ({
    moveType: 'ship' as const, deviceId: u.deviceId, lotId: u.lotId!, serialId: u.serialId, fromBinId: u.binId, quantity: u.quantity, allocated: u.quantity,
    refType: 'shipment', refId: id,
  })), w.actor.name);
  await w.tx.query(
    `UPDATE allocations a SET picked = a.picked + s.q, status = CASE WHEN a.picked + s.q = a.quantity THEN 'picked' ELSE a.status END
       FROM (SELECT allocation_id, sum(quantity)::int AS q FROM picks WHERE id = ANY($1::uuid[]) GROUP BY allocation_id) s
      WHERE a.id = s.allocation_id`,
    [pickIds],
  );
  await w.tx.query('UPDATE picks SET shipment_id = $2 WHERE id = ANY($1::uuid[])', [pickIds, id]);
  await w.tx.query(`UPDATE packages SET status = 'shipped', shipment_id = $2 WHERE id = ANY($1::uuid[])`, [packageIds, id]);
  await w.tx.query(
    `UPDATE order_lines l SET qty_shipped = l.qty_shipped + s.q
       FROM (SELECT line_no, sum(quantity)::int AS q FROM picks WHERE id = ANY($2::uuid[]) GROUP BY line_no) s
      WHERE l.order_id = $1 AND l.line_no = s.line_no`,
    [orderId, pickIds],
  );
  const orderStatus = await refreshOrderStatus(w, orderId);
  const unitCount = units.reduce((n, u) => n + u.quantity, 0);
  const lineCount = new Set(units.map((u) => `${u.lineNo}/${u.packageId}/${u.lotId}/${u.serialId}`)).size;
  w.audit({
    entityType: 'shipment', entityId: id, action: 'shipped',
    changes: { number: { new: number }, orderId: { new: orderId }, carrier: { new: input.carrier }, trackingNumber: { new: input.trackingNumber }, packageIds: { new: packageIds }, units: { new: unitCount } },
  });
  w.emit({ topic: 'shipment.shipped', entityType: 'shipment', entityId: id, payload: { shipmentId: id, orderId, number, packageIds } });
  return { id, number, orderId, status: 'shipped', packageIds, units: unitCount, lines: lineCount, orderStatus };
}

/** The checks of a ship request the schema cannot state. */
export function checkShipInput(input: ShipInput): void {
  if (!input.carrier.trim()) throw invalid('carrier', 'must not be blank');
  if (!input.trackingNumber.trim()) throw invalid('trackingNumber', 'must not be blank');
  if (input.packageIds && input.packageIds.length === 0) throw invalid('packageIds', 'give at least one package, or leave it out to ship every packed package');
}

export function shipOrder(db: Database, actor: Actor, orderId: string, input: ShipInput, ctx: { today: string; requestId?: string | null }): Promise<ShippedOrder> {
  checkShipInput(input);
  return writeTx(db, { actor, requestId: ctx.requestId ?? null }, (w) => shipOrderIn(w, orderId, input, { today: ctx.today }));
}
