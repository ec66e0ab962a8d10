import type { Sql } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';

export type RequisitionStatus = 'open' | 'approved' | 'converted' | 'cancelled';

export interface RequisitionView {
  id: string;
  number: string;
  deviceId: string;
  deviceCode: string;
  quantity: number;
  needDate: string;
  supplierId: string | null;
  unitPriceMinor: number | null;
  status: RequisitionStatus;
  plannedOrderId: string | null;
  purchaseOrderId: string | null;
  notes: string | null;
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
}

export const REQUISITION_COLUMNS = `r.id, r.number, r.device_id AS "deviceId", d.code AS "deviceCode", r.quantity, r.need_date AS "needDate",
  r.supplier_id AS "supplierId", r.unit_price_minor AS "unitPriceMinor", r.status, r.planned_order_id AS "plannedOrderId",
  r.purchase_order_id AS "purchaseOrderId", r.notes, r.created_by AS "createdBy", r.created_at AS "createdAt",
  r.approved_by AS "approvedBy", r.approved_at AS "approvedAt"`;

/** Requisitions by id or number, in the order asked; locked with forUpdate. An unknown one is NOT_FOUND. */
export async function loadRequisitions(tx: Sql, ids: readonly string[], opts: { forUpdate?: boolean } = {}): Promise<RequisitionView[]> {
  const { rows } = await tx.query<RequisitionView>(
    `SELECT ${REQUISITION_COLUMNS} FROM purchase_requisitions r JOIN devices d ON d.id = r.device_id
      WHERE r.id::text = ANY($1::text[]) OR r.number = ANY($1::text[]) ORDER BY r.number${opts.forUpdate ? ' FOR UPDATE OF r' : ''}`,
    [[...ids]],
  );
  for (const id of ids) {
    if (!rows.some((r) => r.id === id || r.number === id)) throw notFound('requisition', id);
  }
  return rows;
}

export async function loadRequisition(tx: Sql, idOrNumber: string, opts: { forUpdate?: boolean } = {}): Promise<RequisitionView> {
  if (!isUuid(idOrNumber) && !/^PR-\d{4}-\d{6}$/.test(idOrNumber)) throw notFound('requisition', idOrNumber);
  return (await loadRequisitions(tx, [idOrNumber], opts))[0]!;
}
