import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
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
    const { rows } = await w.tx.query<{ hold_type: string; origin: { approvalRoles?: string[] } }>(
      'SELECT hold_type, origin FROM order_holds WHERE id = $1 AND order_id = $2', [holdId, orderId]);
    if (!rows[0]) throw notFound('hold', holdId);
    if (rows[0].hold_type === 'compliance') {
      // Invariant 4: only a signed override lets a compliance hold go.
      throw new DomainError('INVALID_STATE', 'a compliance hold is released by its approval with an electronic signature (POST /api/v1/approvals/tasks/:taskId/decide)');
    }
    assertMayRelease(actor, rows[0].hold_type, rows[0].origin.approvalRoles ?? []);
    const r = await applyOrderCommands(w, orderId, [{ type: 'release_hold', holdId, ...(comment ? { comment } : {}) }]);
    const events = r.events.map((e) => e.type);
    if (r.state.lifecycle === 'submitted' && !r.state.holds.some((h) => h.open)) {
      const confirmed = await applyOrderCommands(w, orderId, [{ type: 'confirm' }]);
      return { id: orderId, number: confirmed.head.number, status: confirmed.head.status, events: [...events, ...confirmed.events.map((e) => e.type)] };
    }
    return { id: orderId, number: r.head.number, status: r.head.status, events };
  });
}
