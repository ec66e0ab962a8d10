import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import type { OrderInput } from './order-input.ts';
import { applyOrderCommands } from './apply-order-command.ts';
import { prepareOrderContent, ruleHolds, writeOrderContent } from './order-content.ts';
import { saveVersion, snapshotOrder } from './order-snapshot.ts';
import { diffOrderVersions } from './diff-order-versions.ts';

/**
 * Amends a submitted order: its content is replaced, re-priced and re-checked, and a new version
 * is stored beside the earlier ones (which stay readable). Refused once anything is picked or
 * shipped; allocations of the old lines are released (the event tells inventory).
 */
export function amendOrder(
  db: Database,
  actor: Actor,
  orderId: string,
  input: OrderInput & { reason: string },
  ctx: { today: string; requestId: string | null },
) {
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const { head, state } = await applyOrderCommands(w, orderId, [{ type: 'amend', reason: input.reason }]);
    if (state.lifecycle === 'draft') throw new DomainError('INVALID_STATE', 'a draft is edited, not amended: submit it first');
    if (state.lines.some((l) => l.picked > 0)) throw new DomainError('INVALID_STATE', 'cannot amend: units are already picked');
    if (input.customerId !== head.customerId) throw invalid('customerId', 'an amendment cannot change the customer; cancel and re-order');
    const before = await snapshotOrder(w.tx, orderId);
    const content = await prepareOrderContent(w.tx, input, { channel: head.channel, today: ctx.today, excludeOrderId: orderId });
    const released = state.lines.filter((l) => l.allocated > 0).map((l) => ({ lineNo: l.lineNo, quantity: l.allocated }));
    await w.tx.query('DELETE FROM order_lines WHERE order_id = $1', [orderId]);
    const version = head.version + 1;
    await w.tx.query(
      `UPDATE orders SET version = $2, ship_to_id = $3, bill_to_id = $4, carrier_service_id = $5, external_po = $6,
              requested_date = $7, priority = $8, currency = $9, incoterms = $10, notes = $11, updated_by = $12, updated_at = now()
        WHERE id = $1`,
      [orderId, version, content.facts.shipTo.id, content.facts.billToId, content.facts.carrierService?.id ?? null, input.externalPo ?? null,
        input.requestedDate ?? null, input.priority ?? content.facts.customer.priorityTier, content.currency, input.incoterms ?? null,
        input.notes ?? null, actor.name],
    );
    await writeOrderContent(w.tx, orderId, content);
    await saveVersion(w.tx, orderId, version, input.reason, actor.name);
    const diff = diffOrderVersions(before, await snapshotOrder(w.tx, orderId));
    w.audit({ entityType: 'order', entityId: orderId, action: 'amended', reason: input.reason, changes: { version: { old: head.version, new: version }, diff: { new: diff } } });
    w.emit({ topic: 'order.version_created', entityType: 'order', entityId: orderId, payload: { number: head.number, version, releasedAllocations: released } });

    const dates = { shipDate: input.requestedDate ?? ctx.today, today: ctx.today };
    const after = await applyOrderCommands(w, orderId, await ruleHolds(w, { id: orderId, version, number: head.number }, dates));
    const final = after.state.lifecycle === 'submitted' && !after.state.holds.some((h) => h.open)
      ? await applyOrderCommands(w, orderId, [{ type: 'confirm' }])
      : after;
    return { id: orderId, number: head.number, version, status: final.head.status, diff, alerts: content.alerts.map((a) => a.code) };
  });
}
