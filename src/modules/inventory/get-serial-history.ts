import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { customerFilter, isCustomerRestricted } from '../../platform/org-scope.ts';

export interface SerialEvent {
  at: string;
  moveType: string;
  quantity: number;
  fromBin: string | null;
  toBin: string | null;
  warehouse: string | null;
  reason: string | null;
  actor: string;
  receiptNumber: string | null;
  orderNumber: string | null;
  customerCode: string | null;
  customerName: string | null;
}

/**
 * A serial's life from the ledger: received (receipt number), where it was stored and moved,
 * its lot's status changes, picked and shipped — to whom, for moves that name an order
 * (ref_type 'order', ref_id the order id). A serial is unique per device, so several devices may
 * share one; each unit comes with its own history. Unknown serial: not found. A territory user
 * sees every move but not the order and customer of another territory's shipment
 * (`restricted: true`).
 */
export async function getSerialHistory(tx: Sql, actor: Actor, serial: string, deviceId?: string) {
  const { rows: units } = await tx.query<{ id: string; serial: string; status: string; deviceId: string; deviceCode: string; lotId: string | null; lotNumber: string | null; expiresOn: string | null; lotStatus: string | null; binId: string | null; binCode: string | null }>(
    `SELECT s.id, s.serial, s.status, s.device_id AS "deviceId", d.code AS "deviceCode", s.lot_id AS "lotId", l.lot_number AS "lotNumber",
            l.expires_on AS "expiresOn", l.status AS "lotStatus", s.bin_id AS "binId", wb.code AS "binCode"
       FROM serial_units s JOIN devices d ON d.id = s.device_id LEFT JOIN lots l ON l.id = s.lot_id
       LEFT JOIN warehouse_bins wb ON wb.id = s.bin_id
      WHERE s.serial = $1 AND ($2::uuid IS NULL OR s.device_id = $2) ORDER BY d.code`,
    [serial, deviceId ?? null],
  );
  if (units.length === 0) throw notFound('serial', serial);
  const { rows: events } = await tx.query<SerialEvent & { unitId: string }>(
    `SELECT s.id AS "unitId", m.at, m.move_type AS "moveType", m.quantity, fb.code AS "fromBin", tb.code AS "toBin",
            w.code AS warehouse, m.reason, m.actor, r.number AS "receiptNumber",
            CASE WHEN own THEN o.number END AS "orderNumber", CASE WHEN own THEN c.code END AS "customerCode", CASE WHEN own THEN c.name_zh END AS "customerName"
       FROM serial_units s
       JOIN stock_moves m ON m.serial_id = s.id OR (m.serial_id IS NULL AND m.move_type = 'status' AND m.lot_id = s.lot_id AND m.at >= s.created_at)
       LEFT JOIN warehouse_bins fb ON fb.id = m.from_bin_id
       LEFT JOIN warehouse_bins tb ON tb.id = m.to_bin_id
       LEFT JOIN warehouses w ON w.id = coalesce(tb.warehouse_id, fb.warehouse_id)
       -- Cast the reference, not the key: the primary keys stay usable (no scan of every order).
       LEFT JOIN stock_receipts r ON r.id = (CASE WHEN m.ref_type = 'receipt' THEN m.ref_id END)::uuid
       LEFT JOIN orders o ON o.id = (CASE WHEN m.ref_type = 'order' THEN m.ref_id END)::uuid
       LEFT JOIN parties c ON c.id = o.customer_id
       CROSS JOIN LATERAL (SELECT $2::uuid[] IS NULL OR o.customer_id IS NULL OR o.customer_id = ANY($2::uuid[]) AS own) v
      WHERE s.id = ANY($1::uuid[])
      ORDER BY m.at, m.id`,
    [units.map((u) => u.id), customerFilter(actor)],
  );
  // A lot's status change is recorded on every bin that held it: the unit shows it once.
  const seen = new Set<string>();
  const once = events.filter((e) => {
    if (e.moveType !== 'status') return true;
    const key = `${e.unitId}/${e.at}/${e.reason}`;
    return seen.has(key) ? false : (seen.add(key), true);
  });
  return {
    serial,
    units: units.map((u) => ({
      ...u,
      history: once.filter((e) => e.unitId === u.id).map(({ unitId: _u, ...e }) => (e.moveType === 'status' ? { ...e, fromBin: null, toBin: null, warehouse: null } : e)),
    })),
    restricted: isCustomerRestricted(actor),
  };
}
