import type { Sql } from '../../db/types.ts';
import type { PurchaseOrderHead } from './purchase-order-records.ts';
import { REQUISITION_COLUMNS, type RequisitionView } from './requisition-records.ts';

type PoRow = PurchaseOrderHead & { supplierCode: string; expectedFrom: string | null; openQuantity: number; createdAt: string };

export async function listPurchaseOrders(tx: Sql, q: { supplierId?: string | undefined; status?: string | undefined; limit: number; offset: number }) {
  const { rows } = await tx.query<PoRow & { total: number }>(
    `SELECT p.id, p.number, p.supplier_id AS "supplierId", s.code AS "supplierCode", p.status, p.currency, p.version, p.created_at AS "createdAt",
            (SELECT min(l.expected_date) FROM purchase_order_lines l WHERE l.purchase_order_id = p.id AND l.qty_received < l.quantity) AS "expectedFrom",
            (SELECT coalesce(sum(l.quantity - l.qty_received), 0)::int FROM purchase_order_lines l WHERE l.purchase_order_id = p.id) AS "openQuantity",
            count(*) OVER ()::int AS total
       FROM purchase_orders p JOIN parties s ON s.id = p.supplier_id
      WHERE ($1::uuid IS NULL OR p.supplier_id = $1) AND ($2::text IS NULL OR p.status = $2)
      ORDER BY p.number DESC LIMIT $3 OFFSET $4`,
    [q.supplierId ?? null, q.status ?? null, q.limit, q.offset],
  );
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}

export async function listRequisitions(tx: Sql, q: { status?: string | undefined; limit: number; offset: number }) {
  const { rows } = await tx.query<RequisitionView & { total: number }>(
    `SELECT ${REQUISITION_COLUMNS}, count(*) OVER ()::int AS total
       FROM purchase_requisitions r JOIN devices d ON d.id = r.device_id
      WHERE ($1::text IS NULL OR r.status = $1) ORDER BY r.need_date, r.number LIMIT $2 OFFSET $3`,
    [q.status ?? null, q.limit, q.offset],
  );
  return { items: rows.map(({ total: _t, ...r }) => r), total: rows[0]?.total ?? 0 };
}
