import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { invalid } from '../../platform/errors.ts';
import { readTx, writeTx, type Work } from '../../platform/unit-of-work.ts';
import type { LotStatus } from './lot-eligibility.ts';
import { loadLotHead, type LotHead } from './lot-records.ts';
import { decideLotStatus, LOT_ACTIONS, withdrawsAllocations, type LotAction } from './lot-status.ts';
import { reallocateOrders, type Reallocation } from './reallocate-orders.ts';
import { recordMoves } from './record-moves.ts';
import { releaseLotAllocations } from './release-allocations.ts';
import { verifySignature, type Signature, type SignatureInput } from './verify-signature.ts';

export interface LotStatusInput {
  reason?: string | undefined;
  signature?: SignatureInput | undefined;
}

export interface LotStatusOutcome {
  lotId: string;
  lotNumber: string;
  from: LotStatus;
  status: LotStatus;
  /** Units of open allocations the change took back from orders. */
  releasedUnits: number;
  /** The orders that lost them, and what re-allocation found for each. */
  reallocations: Reallocation[];
}

export interface LotStatusContext {
  today: string;
  earliestShipDate: string;
  requestId: string | null;
}

/**
 * Applies a status change to a lot inside a transaction: records a `status` move on every bin
 * holding it (the stock history shows when it became sellable or stopped being so), and when the
 * lot may no longer be sold takes back its open allocations and re-allocates the orders that
 * held them from other lots. Audited (with the signature, when given) and announced.
 */
export async function applyLotStatus(
  w: Work, lot: LotHead, action: LotAction, input: { reason?: string | undefined; signature?: Signature | undefined }, ctx: LotStatusContext,
): Promise<LotStatusOutcome> {
  const docs = await w.tx.query<{ n: number }>('SELECT count(*)::int AS n FROM lot_documents WHERE lot_id = $1', [lot.id]);
  const to = decideLotStatus(action, { ...lot, documents: docs.rows[0]!.n }, ctx.today);
  await w.tx.query(
    `UPDATE lots SET status = $2, status_reason = $3, updated_at = now(),
            released_by = CASE WHEN $2::text = 'released' THEN $4 ELSE released_by END,
            released_at = CASE WHEN $2::text = 'released' THEN now() ELSE released_at END
      WHERE id = $1`,
    [lot.id, to, input.reason ?? null, w.actor.name],
  );
  const held = await w.tx.query<{ binId: string; onHand: number }>(
    'SELECT bin_id AS "binId", on_hand AS "onHand" FROM stock_balances WHERE lot_id = $1 AND on_hand > 0 ORDER BY bin_id', [lot.id]);
  await recordMoves(w.tx, held.rows.map((b) => ({
    moveType: 'status' as const, deviceId: lot.deviceId, lotId: lot.id, fromBinId: b.binId, toBinId: b.binId, quantity: b.onHand,
    reason: `${lot.status} → ${to}`, refType: 'lot', refId: lot.id,
  })), w.actor.name);
  const released = withdrawsAllocations(to) ? await releaseLotAllocations(w.tx, [lot.id]) : [];
  const reallocations = await reallocateOrders(w, released, { earliestShipDate: ctx.earliestShipDate });
  const releasedUnits = released.reduce((n, r) => n + r.quantity, 0);
  w.audit({
    entityType: 'lot', entityId: lot.id, action: to, reason: input.reason ?? null, signature: input.signature ?? null,
    changes: { status: { old: lot.status, new: to }, ...(releasedUnits ? { releasedUnits: { new: releasedUnits } } : {}) },
  });
  w.emit({
    topic: 'inventory.lot_status_changed', entityType: 'lot', entityId: lot.id,
    payload: { lotNumber: lot.lotNumber, deviceId: lot.deviceId, from: lot.status, to, releasedUnits, orders: reallocations.map((r) => r.orderId) },
  });
  return { lotId: lot.id, lotNumber: lot.lotNumber, from: lot.status, status: to, releasedUnits, reallocations };
}

/**
 * Releases, rejects, blocks or recalls a lot. Release and reject are signed: the password is
 * checked first, outside the transaction.
 */
export async function changeLotStatus(
  db: Database, actor: Actor, lotId: string, action: LotAction, input: LotStatusInput, ctx: LotStatusContext,
): Promise<LotStatusOutcome> {
  let signature: Signature | undefined;
  if (LOT_ACTIONS[action].signed) {
    if (!input.signature) throw invalid('password', 'this decision is signed: give your password and the meaning of the signature');
    await readTx(db, (tx) => loadLotHead(tx, lotId));
    signature = await verifySignature(db, actor, input.signature, { entityType: 'lot', entityId: lotId, requestId: ctx.requestId });
  }
  return writeTx(db, { actor, requestId: ctx.requestId }, async (w) => {
    const lot = await loadLotHead(w.tx, lotId, { forUpdate: true });
    return applyLotStatus(w, lot, action, { reason: input.reason, signature }, ctx);
  });
}
