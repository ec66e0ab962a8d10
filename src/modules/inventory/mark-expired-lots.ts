import type { Database } from '../../db/types.ts';
import { systemActor, type Actor } from '../../platform/actor.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { LOT_ACTIONS } from './lot-status.ts';
import { LOT_HEAD, type LotHead } from './lot-records.ts';
import { reallocateOrders, type Reallocation } from './reallocate-orders.ts';
import { recordMoves } from './record-moves.ts';
import { releaseLotAllocations } from './release-allocations.ts';

export interface ExpiryRun {
  today: string;
  expired: Array<{ lotId: string; lotNumber: string; from: string; expiresOn: string }>;
  releasedUnits: number;
  reallocations: Reallocation[];
}

/**
 * The daily job: every lot whose expiry date has come (expires_on ≤ today) becomes `expired`, a
 * status move is recorded on each bin that holds it, its open allocations are taken back and the
 * orders re-allocated from other lots. Safe to run concurrently: the lots are locked, and a run
 * that waited on another re-reads their status and leaves the ones already expired alone.
 */
export async function markExpiredLots(db: Database, today: string, o: { actor?: Actor; earliestShipDate?: string } = {}): Promise<ExpiryRun> {
  const actor = o.actor ?? systemActor('lots-expire');
  return writeTx(db, { actor }, async (w) => {
    const { rows: lots } = await w.tx.query<LotHead>(
      `SELECT ${LOT_HEAD} FROM lots l WHERE l.expires_on <= $1 AND l.status = ANY($2::text[]) ORDER BY l.id FOR UPDATE`,
      [today, LOT_ACTIONS.expire.from],
    );
    const ids = lots.map((l) => l.id);
    await w.tx.query(`UPDATE lots SET status = 'expired', status_reason = 'expired on ' || expires_on, updated_at = now() WHERE id = ANY($1::uuid[])`, [ids]);
    const held = await w.tx.query<{ lotId: string; deviceId: string; binId: string; onHand: number }>(
      `SELECT lot_id AS "lotId", device_id AS "deviceId", bin_id AS "binId", on_hand AS "onHand"
         FROM stock_balances WHERE lot_id = ANY($1::uuid[]) AND on_hand > 0 ORDER BY lot_id, bin_id`,
      [ids],
    );
    const from = new Map(lots.map((l) => [l.id, l.status]));
    await recordMoves(w.tx, held.rows.map((b) => ({
      moveType: 'status' as const, deviceId: b.deviceId, lotId: b.lotId, fromBinId: b.binId, toBinId: b.binId, quantity: b.onHand,
      reason: `${from.get(b.lotId)} → expired`, refType: 'lot', refId: b.lotId,
    })), actor.name);
    const released = await releaseLotAllocations(w.tx, ids);
    const reallocations = await reallocateOrders(w, released, { earliestShipDate: o.earliestShipDate ?? today });
    const releasedUnits = released.reduce((n, r) => n + r.quantity, 0);
    for (const l of lots) {
      w.audit({ entityType: 'lot', entityId: l.id, action: 'expired', reason: `expired on ${l.expiresOn}`, changes: { status: { old: l.status, new: 'expired' } } });
    }
    w.audit({ entityType: 'job', entityId: 'lots.expire', action: 'ran', changes: { today: { new: today }, expired: { new: lots.length }, releasedUnits: { new: releasedUnits } } });
    if (lots.length) {
      w.emit({ topic: 'inventory.lots_expired', payload: { today, lots: ids, releasedUnits, orders: reallocations.map((r) => r.orderId) } });
    }
    return {
      today, releasedUnits, reallocations,
      expired: lots.map((l) => ({ lotId: l.id, lotNumber: l.lotNumber, from: l.status, expiresOn: l.expiresOn })),
    };
  });
}
