import type { Work } from '../../platform/unit-of-work.ts';
import { issueCreditNote } from '../finance/issue-credit-note.ts';

export interface CreditTarget {
  rmaId: string;
  rmaNumber: string;
  customerId: string;
  lineId: string;
  deviceId: string;
  lotId: string;
  quantity: number;
  reason: string;
}

/**
 * Credits returned units the customer keeps no more (every disposition but repair, which sends
 * the unit back) when the shipment they came with was invoiced: a return credit note against that
 * invoice, for the order line and lot, at the invoiced price (finance's issueCreditNote). Returns
 * null when the shipment was not invoiced: nothing is owed back yet.
 */
export async function creditReturnedUnits(w: Work, t: CreditTarget, today: string) {
  const { rows: [source] } = await w.tx.query<{ invoiceId: string; orderId: string; lineNo: number }>(
    `SELECT i.id AS "invoiceId", sl.order_id AS "orderId", sl.line_no AS "lineNo"
       FROM return_lines rl JOIN shipment_lines sl ON sl.id = rl.shipment_line_id
       JOIN invoices i ON i.shipment_id = sl.shipment_id AND i.kind = 'invoice'
      WHERE rl.id = $1`, [t.lineId]);
  if (!source) return null;
  const note = await issueCreditNote(w, {
    invoiceId: source.invoiceId, customerId: t.customerId, kind: 'return', sourceRef: t.rmaNumber,
    reason: `${t.rmaNumber}: returned units (${t.reason})`,
    lines: [{ deviceId: t.deviceId, lotId: t.lotId, orderId: source.orderId, lineNo: source.lineNo, quantity: t.quantity }],
  }, { today });
  return { id: note.id, number: note.number, totalMinor: note.totalMinor, currency: note.currency };
}
