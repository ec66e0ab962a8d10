import type { Sql } from '../../db/types.ts';
import { invalid } from '../../platform/errors.ts';
import type { CreditNoteLineInput } from './finance-schemas.ts';
import { creditKey, type CreditableLine, type PlannedCreditLine } from './plan-credit-lines.ts';
import { vatRatesFor } from './vat-lookup.ts';

/** The lines of an invoice with the units its earlier return credit notes already took back. */
export async function creditableLinesOf(tx: Sql, invoiceId: string): Promise<CreditableLine[]> {
  const [lines, credited] = await Promise.all([
    tx.query<Omit<CreditableLine, 'creditedQty'>>(
      `SELECT order_id AS "orderId", order_line_no AS "orderLineNo", device_id AS "deviceId", lot_id AS "lotId", quantity,
              unit_price_minor AS "unitPriceMinor", vat_code AS "vatCode", vat_rate_bp AS "vatRateBp"
         FROM invoice_lines WHERE invoice_id = $1 ORDER BY line_no`, [invoiceId]),
    tx.query<{ orderId: string | null; orderLineNo: number | null; deviceId: string; lotId: string | null; quantity: number }>(
      `SELECT l.order_id AS "orderId", l.order_line_no AS "orderLineNo", l.device_id AS "deviceId", l.lot_id AS "lotId", sum(l.quantity)::int AS quantity
         FROM invoices c JOIN invoice_lines l ON l.invoice_id = c.id
        WHERE c.credited_invoice_id = $1 AND c.trigger = 'return'
        GROUP BY l.order_id, l.order_line_no, l.device_id, l.lot_id`, [invoiceId]),
  ]);
  const done = new Map(credited.rows.map((c) => [creditKey(c), c.quantity]));
  return lines.rows.map((l) => ({ ...l, creditedQty: done.get(creditKey(l)) ?? 0 }));
}

/**
 * Lines of a credit note that names no invoice: the price is given, or is the named order line's
 * agreed price; the VAT rate is the customer's / device's rate today.
 */
export async function pricedLinesWithoutInvoice(tx: Sql, customerId: string, wanted: readonly CreditNoteLineInput[]): Promise<PlannedCreditLine[]> {
  const refs = wanted.filter((l) => l.orderId !== undefined || l.lineNo !== undefined);
  const { rows } = await tx.query<{ orderId: string; lineNo: number; deviceId: string; unitPriceMinor: number }>(
    `SELECT ol.order_id AS "orderId", ol.line_no AS "lineNo", ol.device_id AS "deviceId", ol.unit_price_minor AS "unitPriceMinor"
       FROM jsonb_to_recordset($2::jsonb) AS r("orderId" uuid, "lineNo" int)
       JOIN order_lines ol ON ol.order_id = r."orderId" AND ol.line_no = r."lineNo"
       JOIN orders o ON o.id = ol.order_id AND o.customer_id = $1`,
    [customerId, JSON.stringify(refs.map((l) => ({ orderId: l.orderId ?? null, lineNo: l.lineNo ?? null })))]);
  const rates = await vatRatesFor(tx, customerId, wanted.map((l) => l.deviceId));
  const lots = await tx.query<{ id: string; deviceId: string }>('SELECT id, device_id AS "deviceId" FROM lots WHERE id = ANY($1::uuid[])',
    [wanted.flatMap((l) => (l.lotId ? [l.lotId] : []))]);
  return wanted.map((w, k) => {
    let price = w.unitPriceMinor;
    if (w.orderId !== undefined || w.lineNo !== undefined) {
      if (w.orderId === undefined) throw invalid(`lines.${k}.orderId`, 'is required with lineNo');
      if (w.lineNo === undefined) throw invalid(`lines.${k}.lineNo`, 'is required with orderId');
      const line = rows.find((r) => r.orderId === w.orderId && r.lineNo === w.lineNo);
      if (!line) throw invalid(`lines.${k}.orderId`, 'no such order line of this customer');
      if (line.deviceId !== w.deviceId) throw invalid(`lines.${k}.deviceId`, 'is not the device of that order line');
      price ??= line.unitPriceMinor;
    }
    if (price === undefined) throw invalid(`lines.${k}.unitPriceMinor`, 'is required when no invoice or order line gives the price');
    const rate = rates.get(w.deviceId);
    if (!rate) throw invalid(`lines.${k}.deviceId`, `no device ${w.deviceId}`);
    if (w.lotId !== undefined && !lots.rows.some((l) => l.id === w.lotId && l.deviceId === w.deviceId)) throw invalid(`lines.${k}.lotId`, 'no such lot of the device');
    return { orderId: w.orderId ?? null, orderLineNo: w.lineNo ?? null, deviceId: w.deviceId, lotId: w.lotId ?? null, quantity: w.quantity,
      unitPriceMinor: price, vatCode: rate.code, vatRateBp: rate.rateBp };
  });
}
