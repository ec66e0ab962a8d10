import type { Sql } from '../../db/types.ts';
import { notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import type { PoStatus } from './purchase-order-status.ts';

export interface PurchaseOrderHead {
  id: string;
  number: string;
  supplierId: string;
  status: PoStatus;
  currency: string;
  version: number;
}

export interface PurchaseOrderLineView {
  id: string;
  lineNo: number;
  deviceId: string;
  deviceCode: string;
  quantity: number;
  qtyReceived: number;
  unitPriceMinor: number;
  expectedDate: string;
}

export interface PurchaseOrderView extends PurchaseOrderHead {
  supplierCode: string;
  supplierName: string;
  notes: string | null;
  cancelReason: string | null;
  totalMinor: number;
  createdBy: string;
  createdAt: string;
  approvedBy: string | null;
  approvedAt: string | null;
  sentAt: string | null;
  lines: PurchaseOrderLineView[];
}

const HEAD = `p.id, p.number, p.supplier_id AS "supplierId", p.status, p.currency, p.version`;

/** A purchase order by id or number (PO-2026-000001), optionally locked. */
export async function loadPurchaseOrder(tx: Sql, idOrNumber: string, opts: { forUpdate?: boolean } = {}): Promise<PurchaseOrderHead> {
  const { rows } = await tx.query<PurchaseOrderHead>(
    `SELECT ${HEAD} FROM purchase_orders p WHERE ${isUuid(idOrNumber) ? 'p.id = $1::uuid' : 'p.number = $1'}${opts.forUpdate ? ' FOR UPDATE' : ''}`,
    [idOrNumber],
  );
  if (!rows[0]) throw notFound('purchase order', idOrNumber);
  return rows[0];
}

export async function loadPurchaseOrderLines(tx: Sql, poId: string): Promise<PurchaseOrderLineView[]> {
  const { rows } = await tx.query<PurchaseOrderLineView>(
    `SELECT l.id, l.line_no AS "lineNo", l.device_id AS "deviceId", d.code AS "deviceCode", l.quantity, l.qty_received AS "qtyReceived",
            l.unit_price_minor AS "unitPriceMinor", l.expected_date AS "expectedDate"
       FROM purchase_order_lines l JOIN devices d ON d.id = l.device_id
      WHERE l.purchase_order_id = $1 ORDER BY l.line_no`,
    [poId],
  );
  return rows;
}

export async function getPurchaseOrder(tx: Sql, idOrNumber: string): Promise<PurchaseOrderView> {
  const head = await loadPurchaseOrder(tx, idOrNumber);
  const { rows } = await tx.query<Omit<PurchaseOrderView, keyof PurchaseOrderHead | 'lines' | 'totalMinor'>>(
    `SELECT s.code AS "supplierCode", s.name_zh AS "supplierName", p.notes, p.cancel_reason AS "cancelReason", p.created_by AS "createdBy",
            p.created_at AS "createdAt", p.approved_by AS "approvedBy", p.approved_at AS "approvedAt", p.sent_at AS "sentAt"
       FROM purchase_orders p JOIN parties s ON s.id = p.supplier_id WHERE p.id = $1`,
    [head.id],
  );
  const lines = await loadPurchaseOrderLines(tx, head.id);
  return { ...head, ...rows[0]!, totalMinor: lines.reduce((n, l) => n + l.quantity * l.unitPriceMinor, 0), lines };
}
