import type { Work } from '../../platform/unit-of-work.ts';
import { refreshOrderStatus } from '../orders/refresh-order-status.ts';
import { allocateOrderIn, type AllocateContext } from './allocate-order.ts';
import type { ReleasedAllocation } from './release-allocations.ts';

export interface Reallocation {
  orderId: string;
  number: string;
  status: string;
  releasedUnits: number;
  /** Units found again in other lots; null when the order was not re-allocated (on hold, cancelled …). */
  reallocatedUnits: number | null;
  backOrderedUnits: number;
}

/**
 * After allocations were taken away from orders (a lot blocked, recalled or expired), allocates
 * each affected confirmed order again where other eligible stock allows, in order-id order (the
 * same lock order everywhere). Orders that may not be allocated now keep the shortfall and only
 * get their status refreshed.
 */
export async function reallocateOrders(w: Work, released: readonly ReleasedAllocation[], ctx: AllocateContext): Promise<Reallocation[]> {
  const units = new Map<string, number>();
  for (const r of released) units.set(r.orderId, (units.get(r.orderId) ?? 0) + r.quantity);
  const out: Reallocation[] = [];
  for (const orderId of [...units.keys()].sort()) {
    const { rows } = await w.tx.query<{ number: string; lifecycle: string; status: string }>(
      'SELECT number, lifecycle, status FROM orders WHERE id = $1 FOR UPDATE', [orderId]);
    const order = rows[0]!;
    const releasedUnits = units.get(orderId)!;
    if (order.lifecycle !== 'confirmed') {
      out.push({ orderId, number: order.number, status: await refreshOrderStatus(w, orderId), releasedUnits, reallocatedUnits: null, backOrderedUnits: 0 });
      continue;
    }
    const status = await refreshOrderStatus(w, orderId);
    if (status === 'on_hold') {
      out.push({ orderId, number: order.number, status, releasedUnits, reallocatedUnits: null, backOrderedUnits: releasedUnits });
      continue;
    }
    const r = await allocateOrderIn(w, orderId, ctx);
    out.push({
      orderId, number: r.number, status: r.status, releasedUnits,
      reallocatedUnits: r.allocations.reduce((n, a) => n + a.quantity, 0),
      backOrderedUnits: r.backOrders.reduce((n, b) => n + b.quantity, 0),
    });
  }
  return out;
}
