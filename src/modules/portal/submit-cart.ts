import type { Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { placeOrder } from '../orders/place-order.ts';
import { getOrder } from '../orders/get-order.ts';
import { loadCartLines, lockCartToSubmit, markSubmitted } from './cart-store.ts';
import { UNIT_OF_LEVEL } from './cart-view.ts';
import type { CartSubmitInput } from './cart-schemas.ts';
import { portalUser } from './portal-actor.ts';

export interface SubmittedCart {
  cartId: string;
  orderId: string;
  number: string;
  status: string;
  /** True when the cart had been submitted before: this answer is that order, nothing new was made. */
  alreadySubmitted: boolean;
}

async function orderHead(tx: Sql, actor: Actor, orderId: string): Promise<{ number: string; status: string }> {
  const order: Record<string, unknown> = await getOrder(tx, actor, orderId);
  return { number: String(order.number), status: String(order.status) };
}

/**
 * Turns the cart into an order through the one order intake (channel 'portal'), in the
 * transaction that marks the cart submitted. The cart row is locked first, so a second submit —
 * a double click, a retry, five at once — waits, then finds the cart submitted and answers with
 * the order already made: one cart, one order (invariant 6).
 */
export async function submitCart(w: Work, actor: Actor, input: CartSubmitInput, today: string): Promise<SubmittedCart> {
  const { organisationId, userId } = portalUser(actor);
  const cart = await lockCartToSubmit(w.tx, userId, input.cartId);
  if (!cart) {
    throw new DomainError(input.cartId ? 'NOT_FOUND' : 'INVALID_STATE', input.cartId ? `cart ${input.cartId} not found` : 'the cart is empty', {
      field: input.cartId ? 'cartId' : 'lines',
    });
  }
  if (cart.status === 'submitted') {
    w.audit({ entityType: 'portal_cart', entityId: cart.id, action: 'resubmitted', changes: { orderId: { new: cart.orderId } } });
    return { cartId: cart.id, orderId: cart.orderId!, ...(await orderHead(w.tx, actor, cart.orderId!)), alreadySubmitted: true };
  }
  const lines = await loadCartLines(w.tx, cart.id);
  if (!lines.length) throw new DomainError('INVALID_STATE', 'the cart is empty', { field: 'lines' });
  const placed = await placeOrder(w, {
    customerId: organisationId,
    ...(input.shipToId ? { shipToId: input.shipToId } : {}),
    ...(input.externalPo ? { externalPo: input.externalPo } : {}),
    ...(input.requestedDate ? { requestedDate: input.requestedDate } : {}),
    ...(input.notes ? { notes: input.notes } : {}),
    lines: lines.map((l) => ({ deviceId: l.deviceId, quantity: l.quantity, uom: UNIT_OF_LEVEL[l.level] })),
  }, { channel: 'portal', today, source: { type: 'portal_cart', ref: cart.id } });
  await markSubmitted(w.tx, cart.id, placed.id);
  w.audit({ entityType: 'portal_cart', entityId: cart.id, action: 'submitted', changes: { orderId: { new: placed.id }, lines: { new: lines.length } } });
  return { cartId: cart.id, orderId: placed.id, number: placed.number, status: placed.status, alreadySubmitted: false };
}
