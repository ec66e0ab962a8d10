import type { Sql } from '../../db/types.ts';

export interface LedgerMismatch {
  lotId: string;
  binId: string;
  balanceOnHand: number;
  ledgerOnHand: number;
  balanceAllocated: number;
  /** Open allocations' unpicked units at the lot and bin. */
  allocationsHeld: number;
}

/**
 * Invariant 7, checked: every (lot, bin) whose balance differs from the sum of its moves, or
 * whose allocated units differ from the unpicked units of its live allocations. Empty = sound.
 */
export async function verifyLedger(tx: Sql): Promise<LedgerMismatch[]> {
  const { rows } = await tx.query<LedgerMismatch>(
    `WITH ledger AS (
       SELECT lot_id, bin_id, sum(q)::int AS on_hand FROM (
         SELECT lot_id, to_bin_id AS bin_id, quantity AS q FROM stock_moves WHERE to_bin_id IS NOT NULL
         UNION ALL
         SELECT lot_id, from_bin_id, -quantity FROM stock_moves WHERE from_bin_id IS NOT NULL
       ) x GROUP BY lot_id, bin_id
     ), held AS (
       SELECT lot_id, bin_id, sum(quantity - picked)::int AS held FROM allocations WHERE status <> 'released' GROUP BY lot_id, bin_id
     )
     SELECT lot_id AS "lotId", bin_id AS "binId", coalesce(b.on_hand, 0) AS "balanceOnHand", coalesce(l.on_hand, 0) AS "ledgerOnHand",
            coalesce(b.allocated, 0) AS "balanceAllocated", coalesce(h.held, 0) AS "allocationsHeld"
       FROM stock_balances b FULL JOIN ledger l USING (lot_id, bin_id) FULL JOIN held h USING (lot_id, bin_id)
      WHERE coalesce(b.on_hand, 0) <> coalesce(l.on_hand, 0) OR coalesce(b.allocated, 0) <> coalesce(h.held, 0)
      ORDER BY lot_id, bin_id`,
  );
  return rows;
}
