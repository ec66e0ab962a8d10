import { invalid } from '../../platform/errors.ts';
import type { CreditNoteKind, CreditNoteLineInput } from './finance-schemas.ts';

/** A line of the invoice being credited, with how many of its units earlier returns credited. */
export interface CreditableLine {
  orderId: string | null;
  orderLineNo: number | null;
  deviceId: string;
  lotId: string | null;
  quantity: number;
  unitPriceMinor: number;
  vatCode: string;
  vatRateBp: number;
  creditedQty: number;
}

export interface PlannedCreditLine {
  orderId: string | null;
  orderLineNo: number | null;
  deviceId: string;
  lotId: string | null;
  quantity: number;
  unitPriceMinor: number;
  vatCode: string;
  vatRateBp: number;
}

export const creditKey = (l: { orderId: string | null; orderLineNo: number | null; deviceId: string; lotId: string | null }): string =>
  `${l.orderId}/${l.orderLineNo}/${l.deviceId}/${l.lotId}`;

const matches = (w: CreditNoteLineInput) => (l: CreditableLine): boolean =>
  l.deviceId === w.deviceId && (w.lotId === undefined || l.lotId === w.lotId) &&
  (w.orderId === undefined || l.orderId === w.orderId) && (w.lineNo === undefined || l.orderLineNo === w.lineNo);

/**
 * Maps the lines a credit note asks for onto the invoice's lines: the invoiced price and VAT rate
 * by default, never more per unit than was invoiced, and — for returns — never more units than
 * were invoiced less those already credited. A device spread over several lots is credited lot
 * by lot in invoice order. Errors name the request's field.
 */
export function planCreditLines(invoiced: readonly CreditableLine[], wanted: readonly CreditNoteLineInput[], kind: CreditNoteKind): PlannedCreditLine[] {
  const lines = invoiced.map((l) => ({ ...l }));
  const planned: PlannedCreditLine[] = [];
  wanted.forEach((w, k) => {
    const candidates = lines.filter(matches(w));
    if (candidates.length === 0) throw invalid(`lines.${k}.deviceId`, 'the device (with that lot / order line) is not on the invoice');
    if (kind === 'price_correction' && w.unitPriceMinor === undefined) throw invalid(`lines.${k}.unitPriceMinor`, 'a price correction states the credit per unit');
    let left = w.quantity;
    for (const c of candidates) {
      if (left === 0) break;
      const room = kind === 'return' ? c.quantity - c.creditedQty : c.quantity;
      const take = Math.min(left, room);
      if (take <= 0) continue;
      const unitPriceMinor = w.unitPriceMinor ?? c.unitPriceMinor;
      if (unitPriceMinor > c.unitPriceMinor) throw invalid(`lines.${k}.unitPriceMinor`, `${unitPriceMinor} is more than the invoiced ${c.unitPriceMinor} per unit`);
      if (kind === 'return') c.creditedQty += take;
      planned.push({ orderId: c.orderId, orderLineNo: c.orderLineNo, deviceId: c.deviceId, lotId: c.lotId, quantity: take, unitPriceMinor, vatCode: c.vatCode, vatRateBp: c.vatRateBp });
      left -= take;
    }
    if (left > 0) throw invalid(`lines.${k}.quantity`, `${w.quantity} is more than the ${w.quantity - left} unit(s) left to credit on the invoice`);
  });
  return planned;
}
