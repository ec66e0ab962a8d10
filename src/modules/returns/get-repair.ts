import type { Sql } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { Work } from '../../platform/unit-of-work.ts';

export interface RepairView {
  id: string;
  number: string;
  status: 'open' | 'diagnosed' | 'repaired' | 'beyond_repair' | 'shipped';
  returnLineId: string;
  rmaNumber: string;
  serialId: string;
  serial: string;
  deviceId: string;
  lotId: string;
  binId: string;
  customerId: string;
  diagnosis: string | null;
  resultNote: string | null;
  returnShipmentId: string | null;
  returnShipmentNumber: string | null;
  parts: Array<{ lotId: string; lotNumber: string; deviceId: string; binId: string; quantity: number; issuedBy: string }>;
}

/** A repair order with the parts it used; `lock` takes the row for a change. */
export async function getRepair(tx: Sql, id: string, lock = false): Promise<RepairView> {
  if (!isUuid(id)) throw notFound('repair', id);
  const { rows: [r] } = await tx.query<RepairView>(
    `SELECT r.id, r.number, r.status, r.return_line_id AS "returnLineId", ra.number AS "rmaNumber", r.serial_id AS "serialId", su.serial,
            r.device_id AS "deviceId", r.lot_id AS "lotId", r.bin_id AS "binId", r.customer_id AS "customerId", r.diagnosis,
            r.result_note AS "resultNote", r.return_shipment_id AS "returnShipmentId", s.number AS "returnShipmentNumber",
            coalesce((SELECT jsonb_agg(jsonb_build_object('lotId', p.lot_id, 'lotNumber', l.lot_number, 'deviceId', p.device_id, 'binId', p.bin_id,
                       'quantity', p.quantity, 'issuedBy', p.issued_by) ORDER BY p.issued_at)
                        FROM repair_parts p JOIN lots l ON l.id = p.lot_id WHERE p.repair_id = r.id), '[]'::jsonb) AS parts
       FROM repair_orders r JOIN serial_units su ON su.id = r.serial_id JOIN return_lines rl ON rl.id = r.return_line_id
       JOIN return_authorisations ra ON ra.id = rl.rma_id LEFT JOIN shipments s ON s.id = r.return_shipment_id
      WHERE r.id = $1 ${lock ? 'FOR UPDATE OF r' : ''}`, [id]);
  if (!r) throw notFound('repair', id);
  return r;
}

/**
 * The repair locked for a step (diagnosis, part, result, shipping back): a repair of a customer
 * the actor may not see is not found, as on reads, before anything is written.
 */
export async function lockRepair(w: Work, id: string): Promise<RepairView> {
  const r = await getRepair(w.tx, id, true);
  assertVisible(w.actor, r.customerId, 'repair', id);
  return r;
}
