import type { Sql } from '../../db/types.ts';
import type { InvoiceOn, ReconLine } from './find-exceptions.ts';

export interface ReconLineRow extends ReconLine {
  customerId: string;
  invoiceOn: InvoiceOn;
}

/**
 * Order lines with what shipped, arrived, was invoiced (invoices only), credited as a price
 * correction and paid (each invoice's payments shared over its lines by amount). One query for
 * one order, one customer, or every order (of the `customerIds`, a territory) with goods shipped or invoiced.
 */
export async function loadReconLines(tx: Sql, by: { orderId?: string; customerId?: string; customerIds?: readonly string[] | null }): Promise<ReconLineRow[]> {
  const { rows } = await tx.query<ReconLineRow>(
    `SELECT o.id AS "orderId", o.number AS "orderNumber", o.customer_id AS "customerId", coalesce(f.invoice_on, 'shipment') AS "invoiceOn",
            l.line_no AS "lineNo", d.code AS "deviceCode", l.qty_ordered - l.qty_cancelled AS ordered, l.qty_shipped AS shipped,
            l.qty_delivered AS delivered, coalesce(dl.qty, 0)::int AS "shippedOnDelivered",
            coalesce(inv.qty, 0)::int AS invoiced, coalesce(inv.net, 0)::bigint AS "invoicedNetMinor",
            coalesce(pc.net, 0)::bigint AS "priceCorrectionMinor", l.unit_price_minor AS "orderUnitPriceMinor",
            coalesce(inv.paid, 0)::bigint AS "paidMinor"
       FROM orders o
       JOIN order_lines l ON l.order_id = o.id
       JOIN devices d ON d.id = l.device_id
       LEFT JOIN customer_finance_settings f ON f.customer_id = o.customer_id
       LEFT JOIN LATERAL (
         SELECT sum(sl.quantity) AS qty FROM shipment_lines sl JOIN shipments s ON s.id = sl.shipment_id
          WHERE sl.order_id = l.order_id AND sl.line_no = l.line_no AND s.status = 'delivered') dl ON true
       LEFT JOIN LATERAL (
         SELECT sum(il.quantity) AS qty, sum(il.net_minor) AS net,
                sum(CASE WHEN i.total_minor = 0 THEN 0 ELSE ((il.net_minor + il.vat_minor) *
                    coalesce((SELECT sum(a.amount_minor) FROM payment_allocations a WHERE a.invoice_id = i.id), 0)) / i.total_minor END) AS paid
           FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id AND i.kind = 'invoice'
          WHERE il.order_id = l.order_id AND il.order_line_no = l.line_no) inv ON true
       LEFT JOIN LATERAL (
         SELECT -sum(il.net_minor) AS net FROM invoice_lines il JOIN invoices i ON i.id = il.invoice_id AND i.trigger = 'price_correction'
          WHERE il.order_id = l.order_id AND il.order_line_no = l.line_no) pc ON true
      WHERE o.lifecycle IN ('confirmed', 'closed', 'submitted')
        AND ($1::uuid IS NULL OR o.id = $1) AND ($2::uuid IS NULL OR o.customer_id = $2) AND ($3::uuid[] IS NULL OR o.customer_id = ANY($3))
        AND ($1::uuid IS NOT NULL OR l.qty_shipped > 0 OR inv.qty > 0)
      ORDER BY o.number, l.line_no`,
    [by.orderId ?? null, by.customerId ?? null, by.customerIds ?? null]);
  return rows;
}
