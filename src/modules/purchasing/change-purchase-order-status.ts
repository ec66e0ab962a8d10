import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { assertSupplierQualified } from './check-supplier.ts';
import { getPurchaseOrder, loadPurchaseOrder, loadPurchaseOrderLines, type PurchaseOrderView } from './purchase-order-records.ts';
import { decidePoStatus } from './purchase-order-status.ts';

/**
 * Approves, sends or cancels a purchase order. Approving checks the supplier's qualification
 * again: a licence may have lapsed since the draft was written. Cancelling frees the
 * requisitions it came from (approved again, to be ordered elsewhere).
 */
export function changePurchaseOrderStatus(
  db: Database, actor: Actor, idOrNumber: string, action: 'approve' | 'send' | 'cancel', input: { reason?: string | undefined },
  ctx: { today: string; requestId: string | null },
): Promise<PurchaseOrderView> {
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const po = await loadPurchaseOrder(w.tx, idOrNumber, { forUpdate: true });
    const to = decidePoStatus(action, po);
    if (action === 'approve') {
      const lines = await loadPurchaseOrderLines(w.tx, po.id);
      await assertSupplierQualified(w.tx, po.supplierId, lines.map((l) => l.deviceId), ctx.today);
    }
    await w.tx.query(
      `UPDATE purchase_orders SET status = $2, version = version + 1, updated_by = $3, updated_at = now(),
              approved_by = CASE WHEN $2 = 'approved' THEN $3 ELSE approved_by END,
              approved_at = CASE WHEN $2 = 'approved' THEN now() ELSE approved_at END,
              sent_at = CASE WHEN $2 = 'sent' THEN now() ELSE sent_at END,
              cancelled_at = CASE WHEN $2 = 'cancelled' THEN now() ELSE cancelled_at END,
              cancel_reason = CASE WHEN $2 = 'cancelled' THEN $4 ELSE cancel_reason END
        WHERE id = $1`,
      [po.id, to, actor.name, input.reason ?? null],
    );
    if (to === 'cancelled') {
      await w.tx.query(`UPDATE purchase_requisitions SET status = 'approved', purchase_order_id = NULL, updated_at = now() WHERE purchase_order_id = $1`, [po.id]);
    }
    w.audit({ entityType: 'purchase_order', entityId: po.id, action: to, reason: input.reason ?? null, changes: { status: { old: po.status, new: to } } });
    w.emit({ topic: `purchasing.order_${to}`, entityType: 'purchase_order', entityId: po.id, payload: { number: po.number, from: po.status, to } });
    return getPurchaseOrder(w.tx, po.id);
  });
}
