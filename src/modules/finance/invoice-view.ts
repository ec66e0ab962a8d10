import type { Sql } from '../../db/types.ts';
import type { VatBreakdown } from './invoice-math.ts';
import { CREDITED_SQL, OPEN_SQL, PAID_SQL } from './open-amount-sql.ts';

export interface InvoiceLineView {
  lineNo: number;
  orderId: string | null;
  orderLineNo: number | null;
  deviceId: string;
  deviceCode: string;
  deviceNameZh: string;
  deviceNameEn: string | null;
  lotId: string | null;
  lotNumber: string | null;
  quantity: number;
  unitPriceMinor: number;
  vatCode: string;
  vatRateBp: number;
  netMinor: number;
  vatMinor: number;
}

export interface InvoiceView {
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  customer: { id: string; code: string; nameZh: string; nameEn: string | null };
  orderId: string | null;
  orderNumber: string | null;
  externalPo: string | null;
  shipmentId: string | null;
  shipmentNumber: string | null;
  creditedInvoiceId: string | null;
  creditedInvoiceNumber: string | null;
  trigger: string;
  reason: string | null;
  sourceRef: string | null;
  currency: string;
  issueDate: string;
  dueDate: string;
  netMinor: number;
  vatMinor: number;
  totalMinor: number;
  vatBreakdown: VatBreakdown[];
  creditedMinor: number;
  paidMinor: number;
  openMinor: number;
  status: 'open' | 'paid' | 'credit';
  lines: InvoiceLineView[];
}

export const INVOICE_HEAD_SQL = `
  SELECT i.id, i.number, i.kind, json_build_object('id', p.id, 'code', p.code, 'nameZh', p.name_zh, 'nameEn', p.name_en) AS customer,
         i.order_id AS "orderId", o.number AS "orderNumber", o.external_po AS "externalPo", i.shipment_id AS "shipmentId",
         s.number AS "shipmentNumber", i.credited_invoice_id AS "creditedInvoiceId", ci.number AS "creditedInvoiceNumber",
         i.trigger, i.reason, i.source_ref AS "sourceRef", i.currency, i.issue_date AS "issueDate", i.due_date AS "dueDate",
         i.net_minor AS "netMinor", i.vat_minor AS "vatMinor", i.total_minor AS "totalMinor", i.vat_breakdown AS "vatBreakdown",
         (CASE WHEN i.kind = 'invoice' THEN ${CREDITED_SQL} ELSE 0 END)::bigint AS "creditedMinor",
         ${PAID_SQL}::bigint AS "paidMinor", ${OPEN_SQL}::bigint AS "openMinor"
    FROM invoices i
    JOIN parties p ON p.id = i.customer_id
    LEFT JOIN orders o ON o.id = i.order_id
    LEFT JOIN shipments s ON s.id = i.shipment_id
    LEFT JOIN invoices ci ON ci.id = i.credited_invoice_id`;

const statusOf = (kind: string, open: number): InvoiceView['status'] => (kind === 'credit_note' ? 'credit' : open > 0 ? 'open' : 'paid');

/** Invoices by id with their lines, in the order of the ids given. */
export async function loadInvoiceViews(tx: Sql, ids: readonly string[]): Promise<InvoiceView[]> {
  if (ids.length === 0) return [];
  const [heads, lines] = await Promise.all([
    tx.query<Omit<InvoiceView, 'lines' | 'status'>>(`${INVOICE_HEAD_SQL} WHERE i.id = ANY($1::uuid[])`, [ids]),
    tx.query<InvoiceLineView & { invoiceId: string }>(
      `SELECT l.invoice_id AS "invoiceId", l.line_no AS "lineNo", l.order_id AS "orderId", l.order_line_no AS "orderLineNo",
              l.device_id AS "deviceId", d.code AS "deviceCode", d.name_zh AS "deviceNameZh", d.name_en AS "deviceNameEn",
              l.lot_id AS "lotId", lt.lot_number AS "lotNumber", l.quantity, l.unit_price_minor AS "unitPriceMinor",
              l.vat_code AS "vatCode", l.vat_rate_bp AS "vatRateBp", l.net_minor AS "netMinor", l.vat_minor AS "vatMinor"
         FROM invoice_lines l JOIN devices d ON d.id = l.device_id LEFT JOIN lots lt ON lt.id = l.lot_id
        WHERE l.invoice_id = ANY($1::uuid[]) ORDER BY l.invoice_id, l.line_no`, [ids]),
  ]);
  const byId = new Map(heads.rows.map((h) => [h.id, h]));
  return ids.flatMap((id) => {
    const h = byId.get(id);
    if (!h) return [];
    const own = lines.rows.filter((l) => l.invoiceId === id).map(({ invoiceId: _i, ...l }) => l);
    return [{ ...h, status: statusOf(h.kind, h.openMinor), lines: own }];
  });
}
