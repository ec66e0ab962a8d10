import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';

export interface ReturnLineView {
  id: string;
  lineNo: number;
  shipmentLineId: number;
  deviceId: string;
  deviceCode: string;
  lotId: string;
  lotNumber: string;
  serialId: string | null;
  serial: string | null;
  quantity: number;
  qtyReceived: number;
  qtyDisposed: number;
  reason: string;
  note: string | null;
  dispositions: Array<{ disposition: string; condition: string; quantity: number; toBinId: string | null; repairId: string | null; decidedBy: string; decidedAt: string }>;
}

export interface ReturnView {
  id: string;
  number: string;
  shipmentId: string;
  shipmentNumber: string;
  orderId: string;
  customerId: string;
  customerCode: string;
  status: string;
  channel: string;
  notes: string | null;
  cancelReason: string | null;
  createdBy: string;
  createdAt: string;
  lines: ReturnLineView[];
}

export const RETURN_HEAD = `ra.id, ra.number, ra.shipment_id AS "shipmentId", s.number AS "shipmentNumber", ra.order_id AS "orderId",
  ra.customer_id AS "customerId", c.code AS "customerCode", ra.status, ra.channel, ra.notes, ra.cancel_reason AS "cancelReason",
  ra.created_by AS "createdBy", ra.created_at AS "createdAt"`;
export const RETURN_FROM = `return_authorisations ra JOIN shipments s ON s.id = ra.shipment_id JOIN parties c ON c.id = ra.customer_id`;

/** One RMA with its lines and the decisions taken on them; another organisation's RMA is not found. */
export async function getReturn(tx: Sql, actor: Actor, id: string): Promise<ReturnView> {
  if (!isUuid(id)) throw notFound('return', id);
  const { rows: [head] } = await tx.query<Omit<ReturnView, 'lines'>>(`SELECT ${RETURN_HEAD} FROM ${RETURN_FROM} WHERE ra.id = $1`, [id]);
  if (!head) throw notFound('return', id);
  assertVisible(actor, head.customerId, 'return', id);
  const { rows: lines } = await tx.query<ReturnLineView>(
    `SELECT rl.id, rl.line_no AS "lineNo", rl.shipment_line_id::int AS "shipmentLineId", rl.device_id AS "deviceId", d.code AS "deviceCode",
            rl.lot_id AS "lotId", l.lot_number AS "lotNumber", rl.serial_id AS "serialId", su.serial, rl.quantity,
            rl.qty_received AS "qtyReceived", rl.qty_disposed AS "qtyDisposed", rl.reason, rl.note,
            coalesce((SELECT jsonb_agg(jsonb_build_object('disposition', x.disposition, 'condition', x.condition, 'quantity', x.quantity,
                       'toBinId', x.to_bin_id, 'repairId', x.repair_id, 'decidedBy', x.decided_by, 'decidedAt', x.decided_at) ORDER BY x.decided_at)
                        FROM return_dispositions x WHERE x.return_line_id = rl.id), '[]'::jsonb) AS dispositions
       FROM return_lines rl JOIN devices d ON d.id = rl.device_id JOIN lots l ON l.id = rl.lot_id
       LEFT JOIN serial_units su ON su.id = rl.serial_id
      WHERE rl.rma_id = $1 ORDER BY rl.line_no`,
    [id],
  );
  return { ...head, lines };
}
