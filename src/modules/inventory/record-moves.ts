import type { Sql } from '../../db/types.ts';
import { DomainError } from '../../platform/errors.ts';

export type MoveType = 'receipt' | 'putaway' | 'transfer' | 'pick' | 'ship' | 'adjust' | 'return' | 'scrap' | 'status';

export interface MoveInput {
  moveType: MoveType;
  deviceId: string;
  lotId: string;
  serialId?: string | null;
  fromBinId?: string | null;
  toBinId?: string | null;
  quantity: number;
  /** Units of open allocations at the source bin this move consumes (a pick of allocated stock). */
  allocated?: number;
  reason?: string | null;
  refType?: string | null;
  refId?: string | null;
}

/** Which bins each move type names: `from`, `to`, both, or the same bin (a status record). */
const SHAPE: Record<MoveType, 'to' | 'from' | 'both' | 'from+to?' | 'one' | 'same'> = {
  receipt: 'to', return: 'to', ship: 'from', scrap: 'from', putaway: 'both', transfer: 'both', pick: 'from+to?', adjust: 'one', status: 'same',
};

function checkShape(m: MoveInput, i: number): void {
  const from = m.fromBinId ?? null;
  const to = m.toBinId ?? null;
  const ok = {
    to: from === null && to !== null,
    from: from !== null && to === null,
    both: from !== null && to !== null && from !== to,
    'from+to?': from !== null && from !== to,
    one: (from === null) !== (to === null),
    same: from !== null && from === to,
  }[SHAPE[m.moveType]];
  if (!ok) throw new Error(`move ${i} (${m.moveType}) has the wrong bins: from ${from}, to ${to}`);
  if (!Number.isInteger(m.quantity) || m.quantity <= 0) throw new Error(`move ${i}: quantity must be a positive integer`);
  if (m.moveType === 'adjust' && !m.reason) throw new Error(`move ${i}: an adjustment needs a reason`);
  if ((m.allocated ?? 0) > 0 && (from === null || m.allocated! > m.quantity)) throw new Error(`move ${i}: allocated units leave from a bin, at most the quantity`);
}

/**
 * Writes a batch of moves to the ledger and applies them to stock_balances in one statement
 * (invariant 7: no balance changes without the move that explains it). Stock leaving a bin is
 * an UPDATE that must find its row; stock arriving is an upsert. The balance CHECKs (on hand ≥ 0,
 * allocated ≤ on hand) refuse taking more than is there, or what other orders hold: that is
 * INSUFFICIENT_STOCK. Serial units follow their moves (bin and status). A serial once per batch.
 */
export async function recordMoves(tx: Sql, moves: readonly MoveInput[], actor: string): Promise<void> {
  if (moves.length === 0) return;
  moves.forEach(checkShape);
  const serials = moves.map((m) => m.serialId).filter((s): s is string => !!s);
  if (new Set(serials).size !== serials.length) throw new Error('a serial may move once per batch');
  const rows = moves.map((m) => ({
    moveType: m.moveType, deviceId: m.deviceId, lotId: m.lotId, serialId: m.serialId ?? null, fromBinId: m.fromBinId ?? null,
    toBinId: m.toBinId ?? null, quantity: m.quantity, allocated: m.allocated ?? 0, reason: m.reason ?? null, refType: m.refType ?? null,
    refId: m.refId ?? null,
  }));
  try {
    const { rows: [check] } = await tx.query<{ wanted: number; found: number }>(
      `WITH r AS (
         SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("moveType" text, "deviceId" uuid, "lotId" uuid, "serialId" uuid,
           "fromBinId" uuid, "toBinId" uuid, quantity int, allocated int, reason text, "refType" text, "refId" text)
       ), moved AS (
         INSERT INTO stock_moves (move_type, device_id, lot_id, serial_id, from_bin_id, to_bin_id, quantity, reason, ref_type, ref_id, actor)
         SELECT "moveType", "deviceId", "lotId", "serialId", "fromBinId", "toBinId", quantity, reason, "refType", "refId", $2 FROM r
         RETURNING id
       ), delta AS (
         SELECT lot_id, bin_id, device_id, sum(dq)::int AS dq, sum(da)::int AS da FROM (
           SELECT "lotId" AS lot_id, "toBinId" AS bin_id, "deviceId" AS device_id, quantity AS dq, 0 AS da FROM r WHERE "toBinId" IS NOT NULL
           UNION ALL
           SELECT "lotId", "fromBinId", "deviceId", -quantity, -allocated FROM r WHERE "fromBinId" IS NOT NULL
         ) x GROUP BY lot_id, bin_id, device_id
       ), taken AS (
         UPDATE stock_balances b SET on_hand = b.on_hand + d.dq, allocated = b.allocated + d.da
           FROM delta d WHERE (d.dq < 0 OR d.da < 0) AND b.lot_id = d.lot_id AND b.bin_id = d.bin_id
         RETURNING b.lot_id
       ), added AS (
         INSERT INTO stock_balances (lot_id, bin_id, device_id, on_hand)
         SELECT lot_id, bin_id, device_id, dq FROM delta WHERE dq > 0 AND da = 0
         ON CONFLICT (lot_id, bin_id) DO UPDATE SET on_hand = stock_balances.on_hand + EXCLUDED.on_hand
         RETURNING lot_id
       ), serials AS (
         UPDATE serial_units s
            SET bin_id = CASE WHEN r."moveType" = 'status' THEN s.bin_id ELSE r."toBinId" END,
                status = CASE r."moveType" WHEN 'pick' THEN 'picked' WHEN 'ship' THEN 'shipped' WHEN 'scrap' THEN 'scrapped'
                                           WHEN 'return' THEN 'returned' WHEN 'status' THEN s.status
                                           ELSE CASE WHEN r."toBinId" IS NULL THEN 'scrapped' ELSE 'in_stock' END END,
                updated_at = now()
           FROM r WHERE s.id = r."serialId"
         RETURNING s.id
       )
       SELECT (SELECT count(*) FROM delta WHERE dq < 0 OR da < 0)::int AS wanted, (SELECT count(*) FROM taken)::int AS found`,
      [JSON.stringify(rows), actor],
    );
    if (check!.found !== check!.wanted) throw insufficient('a move takes stock from a bin that holds none of the lot');
  } catch (e) {
    if ((e as { code?: string }).code === '23514' && /stock_balances/.test(String((e as { table?: string }).table ?? (e as Error).message))) {
      throw insufficient('a move takes more than is free in the bin (on hand less what is allocated)', e);
    }
    throw e;
  }
}

const insufficient = (message: string, cause?: unknown): DomainError =>
  new DomainError('INSUFFICIENT_STOCK', message, cause === undefined ? {} : { cause });
