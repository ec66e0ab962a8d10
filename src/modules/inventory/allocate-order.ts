import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { announceStatus, refreshOrderStatus, statusOf } from '../orders/refresh-order-status.ts';
import { allocateFefo } from './allocate-fefo.ts';
import { loadAllocationPolicy } from './allocation-policy.ts';
import { loadStockCandidates } from './load-stock-candidates.ts';
import { assertAllocatable, loadOrderLineDemand, lockOrderWithDemand, type OrderHeadForStock, type OrderLineDemand } from './order-demand.ts';
import type { StoredOrder } from '../orders/place-order.ts';
import type { OrderState } from '../orders/order-machine.ts';
import { addDays, type LinePromise } from './promise-date.ts';
import { releaseSurplusAllocations } from './release-allocations.ts';
import { storeLinePromises, type InboundSource } from './store-line-promises.ts';
import { plannedInbound } from '../planning/inbound-supply.ts';
import { withAllocationIds, type WrittenAllocation } from './write-allocations.ts';

export interface AllocateContext {
  /** The first day goods can leave (see earliestShipDate). */
  earliestShipDate: string;
  inbound?: InboundSource;
  /**
   * The order as placed in this same transaction: it holds no allocation to give back, and its
   * header, lines and customer need not be read again (its row is this transaction's own).
   */
  placed?: StoredOrder;
}

export interface AllocationOutcome {
  orderId: string;
  number: string;
  status: string;
  /** The date eligibility (expiry, shelf life) was judged on. */
  shipDate: string;
  promisedDate: string | null;
  /** Allocations made now. */
  allocations: WrittenAllocation[];
  /** What no eligible stock could serve, per line: back-ordered, with its promise. */
  backOrders: Array<{ lineNo: number; quantity: number; promisedDate: string | null; basis: LinePromise['basis'] }>;
  /** Units given back first: of a superseded version, or beyond what a line still wants. */
  releasedUnits: number;
  lines: LinePromise[];
}

/**
 * Allocates a confirmed order's open lines FEFO from eligible stock (invariant 1), holding the
 * order's row lock and the balance rows it reads (invariant 2), then promises every line. What
 * cannot be served stays back-ordered on the line and is returned. Ship date: the earliest ship
 * date, or later when the requested delivery date minus the transit time is later.
 */
export async function allocateOrderIn(w: Work, orderId: string, ctx: AllocateContext): Promise<AllocationOutcome> {
  const { head, lines: demandBefore } = ctx.placed ? placedDemand(ctx.placed) : await lockOrderWithDemand(w.tx, w.actor, orderId);
  assertAllocatable(head);
  const released = ctx.placed ? [] : await releaseSurplusAllocations(w.tx, [orderId]);
  // Only a release changes what the lines hold; then they are read again.
  const lines = released.length ? await loadOrderLineDemand(w.tx, orderId) : demandBefore;
  const policy = await loadAllocationPolicy(w.tx, { customerId: head.customerId, shipToId: head.shipToId, carrierServiceId: head.carrierServiceId ?? undefined }, ctx.placed?.facts);
  const byRequest = head.requestedDate ? addDays(head.requestedDate, -policy.transitDays) : ctx.earliestShipDate;
  const shipDate = byRequest > ctx.earliestShipDate ? byRequest : ctx.earliestShipDate;

  const demand = lines.filter((l) => l.open > l.allocated).map((l) => ({ lineNo: l.lineNo, deviceId: l.deviceId, quantity: l.open - l.allocated }));
  const stock = await loadStockCandidates(w.tx, { deviceIds: [...new Set(demand.map((d) => d.deviceId))], warehouseIds: policy.warehouseOrder, shipDate, lock: true });
  const fefo = allocateFefo(demand, stock, { shipDate, shelfLife: policy.shelfLife, singleLotPerLine: policy.singleLotPerLine, warehouseOrder: policy.warehouseOrder });
  const allocations = withAllocationIds(fefo.allocations);
  // An order placed in this transaction: its state is known, so its new status is written with the promises.
  const placedStatus = ctx.placed ? statusOf(withAllocated(ctx.placed.state, allocations)) : null;
  const promised = await storeLinePromises(w.tx, head, lines, allocations, {
    shipDate, transitDays: policy.transitDays, inbound: ctx.inbound ?? plannedInbound,
    ...(placedStatus !== null && placedStatus !== head.status ? { status: { status: placedStatus, by: w.actor.name } } : {}),
  });
  if (placedStatus !== null) announceStatus(w, head, placedStatus);
  const status = placedStatus ?? (await refreshOrderStatus(w, orderId, { locked: true })); // locked by lockOrderWithDemand above

  const promiseOf = new Map(promised.promises.map((p) => [p.lineNo, p]));
  const backOrders = fefo.shortfalls.map((s) => ({ lineNo: s.lineNo, quantity: s.quantity, promisedDate: promiseOf.get(s.lineNo)!.deliveryDate, basis: promiseOf.get(s.lineNo)!.basis }));
  const allocatedUnits = allocations.reduce((n, a) => n + a.quantity, 0);
  const releasedUnits = released.reduce((n, r) => n + r.quantity, 0);
  w.audit({
    entityType: 'order', entityId: orderId, action: 'allocated',
    changes: {
      allocatedUnits: { new: allocatedUnits }, backOrderedUnits: { new: backOrders.reduce((n, b) => n + b.quantity, 0) },
      promisedDate: { new: promised.promisedDate }, shipDate: { new: shipDate },
      ...(releasedUnits ? { releasedUnits: { new: releasedUnits } } : {}),
      ...(backOrders.length ? { backOrders: { new: backOrders.map((b) => ({ lineNo: b.lineNo, quantity: b.quantity })) } } : {}),
    },
  });
  w.emit({
    topic: 'order.allocated', entityType: 'order', entityId: orderId,
    payload: { number: head.number, allocatedUnits, promisedDate: promised.promisedDate, backOrders: backOrders.map((b) => ({ lineNo: b.lineNo, quantity: b.quantity })) },
  });
  return { orderId, number: head.number, status, shipDate, promisedDate: promised.promisedDate, allocations, backOrders, releasedUnits, lines: promised.promises };
}

/** The header and demand of an order placed in this transaction, as lockOrderWithDemand would read them. */
function placedDemand(p: StoredOrder): { head: OrderHeadForStock; lines: OrderLineDemand[] } {
  const deviceOf = new Map(p.lines.map((l) => [l.lineNo, l.deviceId]));
  return {
    head: { id: p.head.id, number: p.head.number, version: p.head.version, customerId: p.head.customerId, shipToId: p.head.shipToId,
      carrierServiceId: p.head.carrierServiceId, requestedDate: p.head.requestedDate, lifecycle: p.head.lifecycle, status: p.head.status },
    lines: p.state.lines.map((l) => ({ lineNo: l.lineNo, deviceId: deviceOf.get(l.lineNo)!, open: l.ordered - l.cancelled, allocated: l.allocated })),
  };
}

/** The order's state once these allocations are counted on its lines. */
function withAllocated(state: OrderState, allocations: readonly WrittenAllocation[]): OrderState {
  const added = new Map<number, number>();
  for (const a of allocations) added.set(a.lineNo, (added.get(a.lineNo) ?? 0) + a.quantity);
  return { ...state, lines: state.lines.map((l) => ({ ...l, allocated: l.allocated + (added.get(l.lineNo) ?? 0) })) };
}

export function allocateOrder(db: Database, actor: Actor, orderId: string, ctx: AllocateContext, requestId: string | null = null): Promise<AllocationOutcome> {
  return writeTx(db, { actor, requestId }, (w) => allocateOrderIn(w, orderId, ctx));
}
