import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { writePurchaseOrder } from './create-purchase-order.ts';
import type { PurchaseOrderView } from './purchase-order-records.ts';
import type { ConvertInput } from './purchasing-schemas.ts';
import { loadRequisitions, type RequisitionView } from './requisition-records.ts';

/**
 * Turns approved requisitions into draft purchase orders, one per supplier (the requisition's own,
 * else the one given), one line per requisition with its need date as the expected date. All or
 * nothing: a supplier not qualified for one of its devices refuses the whole conversion.
 */
export function convertRequisitions(db: Database, actor: Actor, input: ConvertInput, ctx: { today: string; requestId: string | null }): Promise<PurchaseOrderView[]> {
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const reqs = await loadRequisitions(w.tx, input.requisitionIds, { forUpdate: true });
    const bySupplier = new Map<string, RequisitionView[]>();
    for (const r of reqs) {
      if (r.status !== 'approved') {
        throw new DomainError('INVALID_STATE', `requisition ${r.number} is ${r.status}: only approved requisitions are ordered`, { field: 'requisitionIds', details: { number: r.number, status: r.status } });
      }
      const supplierId = r.supplierId ?? input.supplierId;
      if (!supplierId) throw invalid('supplierId', `requisition ${r.number} names no supplier: give supplierId`);
      bySupplier.set(supplierId, [...(bySupplier.get(supplierId) ?? []), r]);
    }
    const orders: PurchaseOrderView[] = [];
    for (const [supplierId, group] of bySupplier) {
      const po = await writePurchaseOrder(w, {
        supplierId,
        notes: `from requisitions ${group.map((r) => r.number).join(', ')}`,
        lines: group.map((r) => ({ deviceId: r.deviceId, quantity: r.quantity, unitPriceMinor: r.unitPriceMinor ?? 0, expectedDate: r.needDate })),
      }, ctx.today);
      await w.tx.query(`UPDATE purchase_requisitions SET status = 'converted', purchase_order_id = $2, updated_at = now() WHERE id = ANY($1::uuid[])`,
        [group.map((r) => r.id), po.id]);
      for (const r of group) {
        w.audit({ entityType: 'purchase_requisition', entityId: r.id, action: 'converted', changes: { status: { old: 'approved', new: 'converted' }, purchaseOrder: { new: po.number } } });
      }
      w.emit({ topic: 'purchasing.requisitions_converted', entityType: 'purchase_order', entityId: po.id, payload: { number: po.number, requisitions: group.map((r) => r.number) } });
      orders.push(po);
    }
    return orders;
  });
}
