import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { applyOrderCommands } from './apply-order-command.ts';
import type { OrderCommand } from './order-machine.ts';

export interface CommandResult {
  id: string;
  number: string;
  status: string;
  events: string[];
}

/** Runs one named command on an order (submit, confirm, cancel, cancel a line, close). */
export function runOrderCommand(db: Database, actor: Actor, orderId: string, command: OrderCommand, requestId: string | null): Promise<CommandResult> {
  return writeTx(db, { actor, requestId }, async (w) => {
    const r = await applyOrderCommands(w, orderId, [command]);
    return { id: orderId, number: r.head.number, status: r.head.status, events: r.events.map((e) => e.type) };
  });
}

/** The roles a hold names release it (a credit hold: finance …); admins may release any. */
function assertMayRelease(actor: Actor, holdType: string, roles: readonly string[]): void {
  if (actor.roles.includes('admin')) return;
  if (roles.length > 0 && !actor.roles.some((r) => roles.includes(r))) {
    throw new DomainError('FORBIDDEN', `this ${holdType} hold is released by: ${roles.join(', ')}`, { details: { roles } });
  }
}

/**
 * Releases one hold. A compliance hold needs the quality role's permission; once the last hold
 * is released a submitted order confirms by itself.
 */
export function releaseHold(
  db: Database,
  actor: Actor,
  orderId: string,
  holdId: string,
  comment: string | undefined,
  requestId: string | null,
): Promise<CommandResult> {
  return writeTx(db, { actor, requestId }, async (w) => {
    // The order first: one the actor may not see is not found, before its hold says anything.
    const { rows } = await w.tx.query<{ customer_id: string; hold_type: string | null; origin: { approvalRoles?: string[] } | null }>(
      `SELECT o.customer_id, h.hold_type, h.origin FROM orders o LEFT JOIN order_holds h ON h.id = $1 AND h.order_id = o.id WHERE o.id = $2`,
      [holdId, orderId]);
    const hold = rows[0];
    if (!hold) throw notFound('order', orderId);
    assertVisible(actor, hold.customer_id, 'order', orderId);
    if (hold.hold_type === null || hold.origin === null) throw notFound('hold', holdId);
    if (hold.hold_type === 'compliance') {
      // Invariant 4: only a signed override lets a compliance hold go.
      throw new DomainError('INVALID_STATE', 'a compliance hold is released by its approval with an electronic signature (POST /api/v1/approvals/tasks/:taskId/decide)');
    }
    assertMayRelease(actor, hold.hold_type, hold.origin.approvalRoles ?? []);
    const r = await applyOrderCommands(w, orderId, [{ type: 'release_hold', holdId, ...(comment ? { comment } : {}) }]);
    const events = r.events.map((e) => e.type);
    if (r.state.lifecycle === 'submitted' && !r.state.holds.some((h) => h.open)) {
      const confirmed = await applyOrderCommands(w, orderId, [{ type: 'confirm' }]);
      return { id: orderId, number: confirmed.head.number, status: confirmed.head.status, events: [...events, ...confirmed.events.map((e) => e.type)] };
    }
    return { id: orderId, number: r.head.number, status: r.head.status, events };
  });
}
