import type { Sql } from '../../db/types.ts';
import type { ComputedDocument } from './invoice-math.ts';

export interface InvoiceRow {
  id: string;
  number: string;
  kind: 'invoice' | 'credit_note';
  customerId: string;
  billToId: string | null;
  orderId: string | null;
  shipmentId: string | null;
  trigger: string;
  creditedInvoiceId: string | null;
  reason: string | null;
  sourceRef: string | null;
  currency: string;
  issueDate: string;
  dueDate: string;
  createdBy: string;
  doc: ComputedDocument;
  /** Per computed line, in the same order: where it came from. */
  lines: Array<{ orderId: string | null; orderLineNo: number | null; deviceId: string; lotId: string | null; priceExplanation: unknown }>;
}

/** Writes a document and its lines: two statements whatever the number of lines. */
export async function insertInvoice(tx: Sql, r: InvoiceRow): Promise<void> {
  await tx.query(
    `INSERT INTO invoices (id, number, kind, customer_id, bill_to_id, order_id, shipment_id, trigger, credited_invoice_id, reason,
                           source_ref, currency, issue_date, due_date, net_minor, vat_minor, total_minor, vat_breakdown, created_by)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14, $15, $16, $17, $18, $19)`,
    [r.id, r.number, r.kind, r.customerId, r.billToId, r.orderId, r.shipmentId, r.trigger, r.creditedInvoiceId, r.reason, r.sourceRef,
      r.currency, r.issueDate, r.dueDate, r.doc.netMinor, r.doc.vatMinor, r.doc.totalMinor, JSON.stringify(r.doc.vatBreakdown), r.createdBy],
  );
  const lines = r.doc.lines.map((l, i) => ({
    line_no: i + 1, order_id: r.lines[i]!.orderId, order_line_no: r.lines[i]!.orderLineNo, device_id: r.lines[i]!.deviceId,
    lot_id: r.lines[i]!.lotId, quantity: l.quantity, unit_price_minor: l.unitPriceMinor, price_explanation: r.lines[i]!.priceExplanation ?? null,
    vat_code: l.vatCode, vat_rate_bp: l.vatRateBp, net_minor: l.netMinor, vat_minor: l.vatMinor,
  }));
  await tx.query(
    `INSERT INTO invoice_lines (invoice_id, line_no, order_id, order_line_no, device_id, lot_id, quantity, unit_price_minor,
                                price_explanation, vat_code, vat_rate_bp, net_minor, vat_minor)
     SELECT $1, r.line_no, r.order_id, r.order_line_no, r.device_id, r.lot_id, r.quantity, r.unit_price_minor, r.price_explanation,
            r.vat_code, r.vat_rate_bp, r.net_minor, r.vat_minor
       FROM jsonb_to_recordset($2::jsonb) AS r(line_no int, order_id uuid, order_line_no int, device_id uuid, lot_id uuid, quantity int,
            unit_price_minor bigint, price_explanation jsonb, vat_code text, vat_rate_bp int, net_minor bigint, vat_minor bigint)`,
    [r.id, JSON.stringify(lines)],
  );
}
