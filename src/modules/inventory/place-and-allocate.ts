import type { Work } from '../../platform/unit-of-work.ts';
import type { OrderInput } from '../orders/order-input.ts';
import { placeAndKeepOrder, type PlaceOrderContext, type PlacedOrder } from '../orders/place-order.ts';
import { allocateOrderIn, type AllocateContext, type AllocationOutcome } from './allocate-order.ts';

export interface PlacedAndAllocated extends PlacedOrder {
  /** The FEFO allocation and promise made in the same transaction; null when the order did not confirm (held, draft). */
  allocation: Omit<AllocationOutcome, 'orderId' | 'number'> | null;
}

/**
 * "Place and reserve" (`POST /api/v1/orders?allocate=true`): an order that confirms at the door is
 * allocated FEFO and promised in the same transaction, so the stock it was promised cannot go to
 * another order between two requests. A held or draft order is stored as usual and left unallocated.
 */
export async function placeAndAllocate(w: Work, input: OrderInput, place: PlaceOrderContext, allocate: AllocateContext): Promise<PlacedAndAllocated> {
  const { placed, stored } = await placeAndKeepOrder(w, input, place);
  if (placed.status !== 'confirmed') return { ...placed, allocation: null };
  const { orderId: _id, number: _n, ...allocation } = await allocateOrderIn(w, placed.id, { ...allocate, placed: stored });
  return { ...placed, status: allocation.status, allocation };
}
