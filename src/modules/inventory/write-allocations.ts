import type { Sql } from '../../db/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Allocation } from './allocate-fefo.ts';

export type WrittenAllocation = Allocation & { allocationId: string };

/**
 * Stores the allocations of one order version and counts them on the balance rows that hold them
 * (`allocated`, kept within on hand by the row's CHECK), in one statement however many lines. The
 * order lines' `qty_allocated` is written with their promise (storeLinePromises): one update of
 * each line, not two.
 */
export async function writeAllocations(
  tx: Sql,
  order: { id: string; version: number },
  allocations: readonly Allocation[],
): Promise<WrittenAllocation[]> {
  if (allocations.length === 0) return [];
  const written = allocations.map((a) => ({ ...a, allocationId: uuidv7() }));
  await tx.query(
    `WITH r AS (
       SELECT * FROM jsonb_to_recordset($1::jsonb) AS r("allocationId" uuid, "lineNo" int, "deviceId" uuid, "lotId" uuid, "binId" uuid, quantity int)
     ), added AS (
       INSERT INTO allocations (id, order_id, order_version, line_no, device_id, lot_id, bin_id, quantity)
       SELECT "allocationId", $2, $3, "lineNo", "deviceId", "lotId", "binId", quantity FROM r
       RETURNING 1
     )
     UPDATE stock_balances b SET allocated = b.allocated + s.q
       FROM (SELECT "lotId", "binId", sum(quantity)::int AS q FROM r GROUP BY 1, 2) s
      WHERE b.lot_id = s."lotId" AND b.bin_id = s."binId"`,
    [JSON.stringify(written), order.id, order.version],
  );
  return written;
}
