import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { invalid } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { matchReturnLines, type ShippedUnit } from './match-return-lines.ts';
import type { ReturnInput } from './return-schemas.ts';
import { getReturn, type ReturnView } from './get-return.ts';

interface ShipmentHead { id: string; number: string; orderId: string; customerId: string }

async function loadShipment(tx: Sql, actor: Actor, id: string): Promise<ShipmentHead> {
  const { rows: [s] } = await tx.query<ShipmentHead>(
    'SELECT id, number, order_id AS "orderId", customer_id AS "customerId" FROM shipments WHERE id = $1', [id]);
  if (!s) throw invalid('shipmentId', `no shipment ${id}`);
  // Another organisation's shipment is not there at all for a portal user.
  try { assertVisible(actor, s.customerId, 'shipment', id); } catch { throw invalid('shipmentId', `no shipment ${id}`); }
  return s;
}

/** The shipment's lines with what may still come back, locked: two RMAs for the same units queue. */
export async function loadShippedUnits(tx: Sql, shipmentId: string): Promise<ShippedUnit[]> {
  // Lock first, count after: the count's own snapshot then sees what a transaction we waited for wrote.
  await tx.query('SELECT id FROM shipment_lines WHERE shipment_id = $1 ORDER BY id FOR UPDATE', [shipmentId]);
  const { rows } = await tx.query<ShippedUnit>(
    `SELECT sl.id::int AS "shipmentLineId", sl.device_id AS "deviceId", sl.lot_id AS "lotId", l.lot_number AS "lotNumber",
            sl.serial_id AS "serialId", su.serial,
            (sl.quantity - sl.qty_returned - coalesce((
               SELECT sum(rl.quantity - rl.qty_received) FROM return_lines rl JOIN return_authorisations ra ON ra.id = rl.rma_id
                WHERE rl.shipment_line_id = sl.id AND ra.status IN ('authorised', 'partially_received')), 0))::int AS available
       FROM shipment_lines sl JOIN lots l ON l.id = sl.lot_id LEFT JOIN serial_units su ON su.id = sl.serial_id
      WHERE sl.shipment_id = $1
      ORDER BY sl.id`,
    [shipmentId],
  );
  return rows;
}

/**
 * Authorises a return (RMA) against a shipment: every line must match what that shipment took to
 * the customer (device, lot, serial) for at most what is still out there, or nothing is written.
 * A portal user may only return their own organisation's shipments (channel 'portal').
 */
export async function createReturn(w: Work, input: ReturnInput, today: string): Promise<ReturnView> {
  const shipment = await loadShipment(w.tx, w.actor, input.shipmentId);
  const matched = matchReturnLines(input.lines, await loadShippedUnits(w.tx, shipment.id));
  const id = uuidv7();
  const seq = (await w.tx.query<{ n: number }>(`SELECT nextval('return_number_seq') AS n`)).rows[0]!.n;
  const number = `RMA-${today.slice(0, 4)}-${String(seq).padStart(6, '0')}`;
  const channel = w.actor.organisationId === null ? 'console' : 'portal';
  await w.tx.query(
    `INSERT INTO return_authorisations (id, number, shipment_id, order_id, customer_id, channel, notes, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [id, number, shipment.id, shipment.orderId, shipment.customerId, channel, input.notes ?? null, w.actor.name],
  );
  const rows = matched.map((m, i) => ({
    id: uuidv7(), lineNo: i + 1, shipmentLineId: m.shipmentLineId, deviceId: m.deviceId, lotId: m.lotId, serialId: m.serialId,
    quantity: m.quantity, reason: input.lines[m.index]!.reason, note: input.lines[m.index]!.note ?? null,
  }));
  await w.tx.query(
    `INSERT INTO return_lines (id, rma_id, line_no, shipment_line_id, device_id, lot_id, serial_id, quantity, reason, note)
     SELECT r.id, $2, r."lineNo", r."shipmentLineId", r."deviceId", r."lotId", r."serialId", r.quantity, r.reason, r.note
       FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, "lineNo" int, "shipmentLineId" bigint, "deviceId" uuid, "lotId" uuid,
            "serialId" uuid, quantity int, reason text, note text)`,
    [JSON.stringify(rows), id],
  );
  w.audit({ entityType: 'return', entityId: id, action: 'authorised', changes: {
    number: { new: number }, shipment: { new: shipment.number }, channel: { new: channel },
    lines: { new: rows.map((r) => ({ lineNo: r.lineNo, shipmentLineId: r.shipmentLineId, quantity: r.quantity, reason: r.reason })) },
  } });
  w.emit({ topic: 'return.authorised', entityType: 'return', entityId: id, payload: { number, shipmentId: shipment.id, customerId: shipment.customerId, lines: rows.length } });
  return getReturn(w.tx, w.actor, id);
}
