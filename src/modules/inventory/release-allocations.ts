import type { Sql } from '../../db/types.ts';

export interface ReleasedAllocation {
  allocationId: string;
  orderId: string;
  lineNo: number;
  lotId: string;
  binId: string;
  quantity: number;
}

/**
 * Gives back the unpicked units of the allocations chosen (id → units) in one statement each for
 * allocations, balances and order lines. An allocation released whole keeps its quantity for the
 * record and becomes `released` (or `picked` when some units were already picked); a partial
 * release shrinks it. Only lines of the order's current version count the units.
 */
async function applyReleases(tx: Sql, chosen: ReadonlyArray<{ id: string; qty: number }>): Promise<ReleasedAllocation[]> {
  if (chosen.length === 0) return [];
  const { rows } = await tx.query<ReleasedAllocation>(
    `WITH r AS (SELECT * FROM jsonb_to_recordset($1::jsonb) AS r(id uuid, qty int)),
     upd AS (
       UPDATE allocations a
          SET quantity = CASE WHEN r.qty = a.quantity - a.picked AND a.picked = 0 THEN a.quantity ELSE a.quantity - r.qty END,
              status = CASE WHEN r.qty < a.quantity - a.picked THEN a.status WHEN a.picked = 0 THEN 'released' ELSE 'picked' END,
              released_at = CASE WHEN r.qty = a.quantity - a.picked THEN now() ELSE a.released_at END
         FROM r WHERE a.id = r.id AND a.status = 'open' AND r.qty BETWEEN 1 AND a.quantity - a.picked
       RETURNING a.id, a.order_id, a.order_version, a.line_no, a.lot_id, a.bin_id, r.qty
     ), balances AS (
       UPDATE stock_balances b SET allocated = b.allocated - s.qty
         FROM (SELECT lot_id, bin_id, sum(qty)::int AS qty FROM upd GROUP BY lot_id, bin_id) s
        WHERE b.lot_id = s.lot_id AND b.bin_id = s.bin_id
       RETURNING 1
     ), lines AS (
       UPDATE order_lines l SET qty_allocated = l.qty_allocated - s.qty
         FROM (SELECT upd.order_id, upd.line_no, sum(upd.qty)::int AS qty FROM upd
                 JOIN orders o ON o.id = upd.order_id AND o.version = upd.order_version GROUP BY 1, 2) s
        WHERE l.order_id = s.order_id AND l.line_no = s.line_no
       RETURNING 1
     )
     SELECT id AS "allocationId", order_id AS "orderId", line_no AS "lineNo", lot_id AS "lotId", bin_id AS "binId", qty AS quantity
       FROM upd ORDER BY order_id, line_no, lot_id`,
    [JSON.stringify(chosen)],
  );
  return rows;
}

/** Releases every open allocation of these lots (blocked, recalled, rejected, expired). */
export async function releaseLotAllocations(tx: Sql, lotIds: readonly string[]): Promise<ReleasedAllocation[]> {
  if (lotIds.length === 0) return [];
  const { rows } = await tx.query<{ id: string; qty: number }>(
    `SELECT id, quantity - picked AS qty FROM allocations
      WHERE lot_id = ANY($1::uuid[]) AND status = 'open' AND quantity > picked
      ORDER BY lot_id, bin_id, id FOR UPDATE`,
    [lotIds],
  );
  return applyReleases(tx, rows);
}

/**
 * Releases what these orders no longer need: everything of a superseded version (an amendment),
 * and on each current line what is allocated beyond ordered − cancelled (a cancelled order or
 * line) — the latest-expiring units first, so the FEFO-best stay with the order. The caller
 * holds the order's row lock; the release re-checks each allocation as it updates it.
 */
export async function releaseSurplusAllocations(tx: Sql, orderIds: readonly string[]): Promise<ReleasedAllocation[]> {
  return applyReleases(tx, await findSurplusAllocations(tx, orderIds));
}

/** The allocations releaseSurplusAllocations would give back, and how many units of each. */
export async function findSurplusAllocations(tx: Sql, orderIds: readonly string[]): Promise<Array<{ id: string; qty: number }>> {
  if (orderIds.length === 0) return [];
  const { rows } = await tx.query<{ id: string; qty: number }>(
    `WITH live AS (
       SELECT a.id, a.quantity - a.picked AS releasable, a.order_version < o.version AS superseded,
              greatest(0, coalesce(l.qty_allocated - (l.qty_ordered - l.qty_cancelled), 0)) AS surplus,
              sum(a.quantity - a.picked) OVER (PARTITION BY a.order_id, a.order_version, a.line_no
                                               ORDER BY lt.expires_on DESC, a.id) - (a.quantity - a.picked) AS before
         FROM allocations a
         JOIN orders o ON o.id = a.order_id
         JOIN lots lt ON lt.id = a.lot_id
         LEFT JOIN order_lines l ON l.order_id = a.order_id AND l.line_no = a.line_no AND a.order_version = o.version
        WHERE a.order_id = ANY($1::uuid[]) AND a.status = 'open' AND a.quantity > a.picked
     )
     SELECT id, CASE WHEN superseded THEN releasable ELSE least(releasable, greatest(0, surplus - before))::int END AS qty
       FROM live
      WHERE superseded OR surplus > before
      ORDER BY id`,
    [orderIds],
  );
  return rows;
}
