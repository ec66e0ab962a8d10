import type { Work } from '../../platform/unit-of-work.ts';
import { applyOrderCommands } from '../orders/apply-order-command.ts';

/**
 * The last signature releases the hold in its own transaction; with no other hold open a
 * submitted order confirms at once (as the orders module's releaseHold does).
 */
export async function releaseApprovedHold(w: Work, orderId: string, holdId: string, comment: string): Promise<{ status: string; events: string[] }> {
  const released = await applyOrderCommands(w, orderId, [{ type: 'release_hold', holdId, comment }]);
  const events = released.events.map((e) => e.type);
  if (released.state.lifecycle !== 'submitted' || released.state.holds.some((h) => h.open)) return { status: released.head.status, events };
  const confirmed = await applyOrderCommands(w, orderId, [{ type: 'confirm' }]);
  return { status: confirmed.head.status, events: [...events, ...confirmed.events.map((e) => e.type)] };
}
