import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import type { ComplaintStatus } from './return-schemas.ts';

export interface ComplaintView {
  id: string;
  number: string;
  customerId: string;
  customerCode: string;
  deviceId: string;
  deviceCode: string;
  lotId: string | null;
  lotNumber: string | null;
  serialId: string | null;
  serial: string | null;
  rmaId: string | null;
  udiScan: string | null;
  udiDi: string | null;
  udiPi: Record<string, string>;
  eventDate: string | null;
  description: string;
  status: ComplaintStatus;
  resolution: string | null;
  createdBy: string;
  createdAt: string;
  closedAt: string | null;
}

export const COMPLAINT_SELECT = `SELECT c.id, c.number, c.customer_id AS "customerId", p.code AS "customerCode", c.device_id AS "deviceId", d.code AS "deviceCode",
    c.lot_id AS "lotId", l.lot_number AS "lotNumber", c.serial_id AS "serialId", su.serial, c.rma_id AS "rmaId", c.udi_scan AS "udiScan",
    c.udi_di AS "udiDi", c.udi_pi AS "udiPi", c.event_date AS "eventDate", c.description, c.status, c.resolution,
    c.created_by AS "createdBy", c.created_at AS "createdAt", c.closed_at AS "closedAt"
  FROM complaints c JOIN parties p ON p.id = c.customer_id JOIN devices d ON d.id = c.device_id
  LEFT JOIN lots l ON l.id = c.lot_id LEFT JOIN serial_units su ON su.id = c.serial_id`;

export async function getComplaint(tx: Sql, actor: Actor, id: string): Promise<ComplaintView> {
  if (!isUuid(id)) throw notFound('complaint', id);
  const { rows: [c] } = await tx.query<ComplaintView>(`${COMPLAINT_SELECT} WHERE c.id = $1`, [id]);
  if (!c) throw notFound('complaint', id);
  assertVisible(actor, c.customerId, 'complaint', id);
  return c;
}
