import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { notFound } from '../../platform/errors.ts';
import { customerOpenOrdersMinor } from '../orders/open-order-value.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { ageReceivables, type Aging } from './aging.ts';
import { loadOpenItems, type OpenItem } from './open-items.ts';

export interface Receivables {
  /** Invoices owed less credit notes and unapplied cash. */
  openReceivablesMinor: number;
  maxOverdueDays: number;
  aging: Aging;
  items: OpenItem[];
}

/** What a customer owes today, aged: the credit rules' receivables facts. */
export async function customerReceivables(tx: Sql, customerId: string, today: string): Promise<Receivables> {
  const items = await loadOpenItems(tx, customerId, today);
  const aging = ageReceivables(items, today);
  return { openReceivablesMinor: aging.openMinor, maxOverdueDays: aging.maxOverdueDays, aging, items };
}

/** Orders accepted but not yet invoiced, at their prices: the running total the credit rule reads too. */
export async function openOrdersMinor(tx: Sql, customerId: string): Promise<number> {
  const { rows } = await tx.query<{ amount: number }>(`SELECT ${customerOpenOrdersMinor('$1::uuid', 'NULL::uuid')} AS amount`, [customerId]);
  return rows[0]!.amount;
}

export interface Exposure {
  customer: { id: string; code: string; nameZh: string; currency: string; creditLimitMinor: number | null; paymentTermsDays: number };
  today: string;
  openReceivablesMinor: number;
  openOrdersMinor: number;
  exposureMinor: number;
  /** Credit limit less exposure; null without a limit. */
  availableCreditMinor: number | null;
  maxOverdueDays: number;
  aging: Aging;
  openItems: OpenItem[];
}

/** Exposure = open receivables + open orders not yet invoiced, with the receivables aged. */
export async function customerExposure(tx: Sql, actor: Actor, customerId: string, today: string): Promise<Exposure> {
  const c = (await tx.query<Exposure['customer'] & { kind: string }>(
    `SELECT id, code, name_zh AS "nameZh", currency, credit_limit_minor AS "creditLimitMinor", payment_terms_days AS "paymentTermsDays", kind
       FROM parties WHERE id = $1`, [customerId])).rows[0];
  if (!c || c.kind !== 'customer') throw notFound('customer', customerId);
  assertVisible(actor, c.id, 'customer', customerId);
  const { kind: _k, ...customer } = c;
  const [r, orders] = await Promise.all([customerReceivables(tx, customerId, today), openOrdersMinor(tx, customerId)]);
  const exposureMinor = r.openReceivablesMinor + orders;
  return {
    customer, today, openReceivablesMinor: r.openReceivablesMinor, openOrdersMinor: orders, exposureMinor,
    availableCreditMinor: customer.creditLimitMinor === null ? null : customer.creditLimitMinor - exposureMinor,
    maxOverdueDays: r.maxOverdueDays, aging: r.aging, openItems: r.items,
  };
}
