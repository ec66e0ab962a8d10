import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { assertVisible, customerFilter, orgFilter } from '../../platform/org-scope.ts';
import { ageReceivables, type Aging } from './aging.ts';
import { findExceptions, type ExceptionType, type ReconException } from './find-exceptions.ts';
import { loadReconLines, type ReconLineRow } from './load-recon-lines.ts';
import { loadOpenItems, type OpenItem } from './open-items.ts';

export interface ReconTotals {
  orderedMinor: number;
  invoicedNetMinor: number;
  paidMinor: number;
}

const totalsOf = (lines: readonly ReconLineRow[]): ReconTotals => ({
  orderedMinor: lines.reduce((s, l) => s + l.ordered * l.orderUnitPriceMinor, 0),
  invoicedNetMinor: lines.reduce((s, l) => s + l.invoicedNetMinor - l.priceCorrectionMinor, 0),
  paidMinor: lines.reduce((s, l) => s + l.paidMinor, 0),
});

const strip = ({ customerId: _c, invoiceOn: _i, ...l }: ReconLineRow) => l;

export interface OrderReconciliation {
  order: { id: string; number: string; customerId: string; currency: string; status: string };
  today: string;
  lines: Array<ReturnType<typeof strip>>;
  openItems: OpenItem[];
  totals: ReconTotals;
  exceptions: ReconException[];
}

/** One order line by line: ordered, shipped, delivered, invoiced, paid, with its exceptions. */
export async function reconcileOrder(tx: Sql, actor: Actor, orderId: string, today: string): Promise<OrderReconciliation> {
  const order = (await tx.query<OrderReconciliation['order']>(
    `SELECT id, number, customer_id AS "customerId", currency, status FROM orders WHERE id = $1`, [orderId])).rows[0];
  if (!order) throw notFound('order', orderId);
  assertVisible(actor, order.customerId, 'order', orderId);
  const [lines, items] = await Promise.all([loadReconLines(tx, { orderId }), loadOpenItems(tx, order.customerId, today)]);
  const openItems = items.filter((i) => i.orderId === orderId);
  const invoiceOn = lines[0]?.invoiceOn ?? 'shipment';
  const exceptions = findExceptions(lines, openItems.filter((i) => i.type === 'invoice'), () => invoiceOn, today);
  return { order, today, lines: lines.map(strip), openItems, totals: totalsOf(lines), exceptions };
}

export interface CustomerReconciliation {
  customer: { id: string; code: string; nameZh: string };
  today: string;
  orders: Array<{ orderId: string; orderNumber: string; totals: ReconTotals; lines: Array<ReturnType<typeof strip>> }>;
  openItems: OpenItem[];
  aging: Aging;
  exceptions: ReconException[];
}

/** Every order of a customer that shipped or was invoiced, its open items aged, and the exceptions. */
export async function reconcileCustomer(tx: Sql, actor: Actor, customerId: string, today: string): Promise<CustomerReconciliation> {
  const customer = (await tx.query<CustomerReconciliation['customer'] & { kind: string }>(
    'SELECT id, code, name_zh AS "nameZh", kind FROM parties WHERE id = $1', [customerId])).rows[0];
  if (!customer || customer.kind !== 'customer') throw notFound('customer', customerId);
  assertVisible(actor, customerId, 'customer', customerId);
  const [lines, openItems] = await Promise.all([loadReconLines(tx, { customerId }), loadOpenItems(tx, customerId, today)]);
  const byOrder = new Map<string, ReconLineRow[]>();
  for (const l of lines) byOrder.set(l.orderId, [...(byOrder.get(l.orderId) ?? []), l]);
  return {
    customer: { id: customer.id, code: customer.code, nameZh: customer.nameZh },
    today,
    orders: [...byOrder.values()].map((ls) => ({ orderId: ls[0]!.orderId, orderNumber: ls[0]!.orderNumber, totals: totalsOf(ls), lines: ls.map(strip) })),
    openItems,
    aging: ageReceivables(openItems, today),
    exceptions: findExceptions(lines, openItems.filter((i) => i.type === 'invoice'), () => lines[0]?.invoiceOn ?? 'shipment', today),
  };
}

export interface ExceptionReport {
  today: string;
  count: number;
  byType: Record<ExceptionType, number>;
  exceptions: Array<ReconException & { customerId: string }>;
}

/** Every open exception across customers (a hospital user sees its own organisation's only, a territory user its customers'). */
export async function listExceptions(tx: Sql, actor: Actor, today: string, filter: { type?: ExceptionType | undefined } = {}): Promise<ExceptionReport> {
  const org = orgFilter(actor);
  const customerIds = customerFilter(actor);
  const [lines, items] = await Promise.all([
    loadReconLines(tx, org ? { customerId: org, customerIds } : { customerIds }),
    loadOpenItems(tx, org, today, customerIds),
  ]);
  const invoiceOn = new Map(lines.map((l) => [l.orderId, l.invoiceOn]));
  const customerOfOrder = new Map(lines.map((l) => [l.orderId, l.customerId]));
  const invoices = items.filter((i) => i.type === 'invoice');
  const customerOfInvoice = new Map(invoices.map((i) => [i.id, i.customerId]));
  const all = findExceptions(lines, invoices, (o) => invoiceOn.get(o) ?? 'shipment', today)
    .map((e) => ({ ...e, customerId: (e.invoiceId ? customerOfInvoice.get(e.invoiceId) : customerOfOrder.get(e.orderId ?? '')) ?? '' }))
    .filter((e) => !filter.type || e.type === filter.type);
  const byType = { shipped_not_invoiced: 0, invoiced_not_shipped: 0, price_differs_from_order: 0, short_delivery: 0, overdue: 0 };
  for (const e of all) byType[e.type]++;
  return { today, count: all.length, byType, exceptions: all };
}
