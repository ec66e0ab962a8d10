import type { Sql } from '../../db/types.ts';
import { getCustomerOrderFacts, type CustomerOrderFacts } from '../parties/customer-order-facts.ts';
import type { ShelfLifeRule } from './lot-eligibility.ts';

/** What allocating (or promising) for one customer and ship-to must respect. */
export interface AllocationPolicy {
  shelfLife: ShelfLifeRule;
  singleLotPerLine: boolean;
  /** Warehouses that may serve the ship-to, most preferred first. */
  warehouseOrder: string[];
  transitDays: number;
}

/**
 * The customer's shelf-life rule (parties), its allocation preference and the warehouses of the
 * ship-to (ship_to_warehouses, by rank). A ship-to without preferred warehouses is served from
 * every active warehouse in code order; a preferred warehouse that is deactivated is skipped.
 * Without a carrier service the goods are taken to arrive the day they ship (transit 0).
 */
export async function loadAllocationPolicy(
  tx: Sql,
  ref: { customerId: string; shipToId?: string | undefined; carrierServiceId?: string | undefined },
  /** The customer's facts for this ship-to and carrier service when the caller has just checked them (order intake). */
  known?: CustomerOrderFacts,
): Promise<AllocationPolicy & { shipToId: string }> {
  const facts = known ?? (await getCustomerOrderFacts(tx, ref));
  // One statement: the preference, the ranked warehouses of the ship-to and the active ones (code order, as listed).
  const { rows: [row] } = await tx.query<{ single: boolean | null; ranked: string[] | null; active: string[] | null }>(
    `SELECT (SELECT single_lot_per_line FROM allocation_preferences WHERE customer_id = $1) AS single,
            (SELECT array_agg(warehouse_id::text ORDER BY rank) FROM ship_to_warehouses WHERE ship_to_id = $2) AS ranked,
            (SELECT array_agg(id::text ORDER BY code) FROM (SELECT id, code FROM warehouses WHERE active ORDER BY code LIMIT 500) AS w) AS active`,
    [facts.customer.id, facts.shipTo.id],
  );
  const activeIds = row!.active ?? [];
  const ranked = row!.ranked ?? [];
  const warehouseOrder = ranked.length ? ranked.filter((id) => activeIds.includes(id)) : activeIds;
  return {
    shipToId: facts.shipTo.id,
    shelfLife: { minDays: facts.customer.minShelfLifeDays, minPct: facts.customer.minShelfLifePct },
    singleLotPerLine: row!.single ?? false,
    warehouseOrder,
    transitDays: facts.carrierService?.transitDays ?? 0,
  };
}
