import { daysBetween } from './aging.ts';

/**
 * Reconciliation of order lines against what shipped, arrived, was invoiced and paid — pure, so
 * each kind of mismatch is tested on its own. Quantities in base units, amounts in minor units.
 */
export type ExceptionType = 'shipped_not_invoiced' | 'invoiced_not_shipped' | 'price_differs_from_order' | 'short_delivery' | 'overdue';

export interface ReconLine {
  orderId: string;
  orderNumber: string;
  lineNo: number;
  deviceCode: string;
  /** Ordered less cancelled. */
  ordered: number;
  shipped: number;
  delivered: number;
  /** Units on shipments that have a proof of delivery: what should have arrived. */
  shippedOnDelivered: number;
  /** Units on invoices (credit notes not deducted). */
  invoiced: number;
  invoicedNetMinor: number;
  /** Price corrections credited on this line (positive). */
  priceCorrectionMinor: number;
  orderUnitPriceMinor: number;
  /** The line's share of what was paid on its invoices. */
  paidMinor: number;
}

export interface ReconInvoice {
  id: string;
  number: string;
  orderId: string | null;
  openMinor: number;
  dueDate: string;
}

export interface ReconException {
  type: ExceptionType;
  orderId: string | null;
  orderNumber: string | null;
  lineNo: number | null;
  invoiceId: string | null;
  invoiceNumber: string | null;
  details: Record<string, number | string>;
  message: { en: string; zh: string };
}

export type InvoiceOn = 'shipment' | 'delivery';

const lineException = (type: ExceptionType, l: ReconLine, details: Record<string, number | string>, message: { en: string; zh: string }): ReconException =>
  ({ type, orderId: l.orderId, orderNumber: l.orderNumber, lineNo: l.lineNo, invoiceId: null, invoiceNumber: null, details, message });

export function lineExceptions(l: ReconLine, invoiceOn: InvoiceOn): ReconException[] {
  const out: ReconException[] = [];
  const where = `${l.orderNumber} line ${l.lineNo} (${l.deviceCode})`;
  const whereZh = `${l.orderNumber} 第${l.lineNo}行（${l.deviceCode}）`;
  const due = invoiceOn === 'delivery' ? l.delivered : l.shipped;
  if (due > l.invoiced) {
    const q = due - l.invoiced;
    out.push(lineException('shipped_not_invoiced', l, { quantity: q, basis: invoiceOn },
      { en: `${where}: ${q} unit(s) ${invoiceOn === 'delivery' ? 'delivered' : 'shipped'} but not invoiced`,
        zh: `${whereZh}：${q} 件已${invoiceOn === 'delivery' ? '送达' : '发货'}未开票` }));
  }
  if (l.invoiced > l.shipped) {
    const q = l.invoiced - l.shipped;
    out.push(lineException('invoiced_not_shipped', l, { quantity: q },
      { en: `${where}: ${q} unit(s) invoiced but not shipped`, zh: `${whereZh}：${q} 件已开票未发货` }));
  }
  const expected = l.invoiced * l.orderUnitPriceMinor;
  const actual = l.invoicedNetMinor - l.priceCorrectionMinor;
  if (l.invoiced > 0 && actual !== expected) {
    out.push(lineException('price_differs_from_order', l, { invoicedNetMinor: actual, orderNetMinor: expected, differenceMinor: actual - expected },
      { en: `${where}: invoiced ${actual} but the order's price gives ${expected}`, zh: `${whereZh}：开票金额 ${actual} 与订单价格 ${expected} 不符` }));
  }
  if (l.delivered < l.shippedOnDelivered) {
    const q = l.shippedOnDelivered - l.delivered;
    out.push(lineException('short_delivery', l, { quantity: q },
      { en: `${where}: ${q} unit(s) shipped but not received by the customer`, zh: `${whereZh}：${q} 件已发出但客户未收到` }));
  }
  return out;
}

export function overdueException(inv: ReconInvoice & { orderNumber?: string | null }, today: string): ReconException | null {
  const days = daysBetween(inv.dueDate, today);
  if (inv.openMinor <= 0 || days <= 0) return null;
  return {
    type: 'overdue', orderId: inv.orderId, orderNumber: inv.orderNumber ?? null, lineNo: null, invoiceId: inv.id, invoiceNumber: inv.number,
    details: { daysOverdue: days, openMinor: inv.openMinor, dueDate: inv.dueDate },
    message: { en: `${inv.number}: ${inv.openMinor} overdue by ${days} day(s)`, zh: `${inv.number}：${inv.openMinor} 逾期 ${days} 天` },
  };
}

/** Every exception of a set of lines and invoices, lines first in order, then invoices by due date. */
export function findExceptions(lines: readonly ReconLine[], invoices: readonly ReconInvoice[], invoiceOn: (orderId: string) => InvoiceOn, today: string): ReconException[] {
  const fromLines = lines.flatMap((l) => lineExceptions(l, invoiceOn(l.orderId)));
  const overdue = [...invoices].sort((a, b) => a.dueDate.localeCompare(b.dueDate)).map((i) => overdueException(i, today)).filter((e) => e !== null);
  return [...fromLines, ...overdue];
}
