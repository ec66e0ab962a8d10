import type { Sql } from '../../db/types.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Allocation } from './allocate-fefo.ts';

export type WrittenAllocation = Allocation & { allocationId: string };

/** Gives each allocation FEFO chose the id it is stored under. */
export const withAllocationIds = (allocations: readonly Allocation[]): WrittenAllocation[] => allocations.map((a) => ({ ...a, allocationId: uuidv7() }));

/**
 * The CTEs that store allocations of one order version (`$n`: their json; `$o`, `$v`: the order
 * and its version) and count them on the balance rows that hold them (`allocated`, kept within
 * on hand by the row's CHECK): to open a statement that goes on writing.
 */
export const allocationCtes = (n: string, o: string, v: string): string => `
  alloc AS (
    SELECT * FROM jsonb_to_recordset(${n}::jsonb) AS r("allocationId" uuid, "lineNo" int, "deviceId" uuid, "lotId" uuid, "binId" uuid, quantity int)
  ), added AS (
    INSERT INTO allocations (id, order_id, order_version, line_no, device_id, lot_id, bin_id, quantity)
    SELECT "allocationId", ${o}, ${v}, "lineNo", "deviceId", "lotId", "binId", quantity FROM alloc
    RETURNING 1
  ), counted AS (
    UPDATE stock_balances b SET allocated = b.allocated + s.q
      FROM (SELECT "lotId", "binId", sum(quantity)::int AS q FROM alloc GROUP BY 1, 2) s
     WHERE b.lot_id = s."lotId" AND b.bin_id = s."binId"
    RETURNING 1
  )`;

/**
 * Stores the allocations of one order version and counts them on their balance rows, in one
 * statement however many lines. Allocating an order writes them with the lines' promises
 * instead (storeLinePromises): one statement for both.
 */
export async function writeAllocations(
  tx: Sql,
  order: { id: string; version: number },
  allocations: readonly Allocation[],
): Promise<WrittenAllocation[]> {
  if (allocations.length === 0) return [];
  const written = withAllocationIds(allocations);
  await tx.query(`WITH ${allocationCtes('$1', '$2', '$3')} SELECT 1`, [JSON.stringify(written), order.id, order.version]);
  return written;
}
