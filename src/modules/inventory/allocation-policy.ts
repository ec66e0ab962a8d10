import type { Sql } from '../../db/types.ts';
import { getCustomerOrderFacts } from '../parties/customer-order-facts.ts';
import { listWarehouses } from '../warehouses/list-warehouses.ts';
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
): Promise<AllocationPolicy & { shipToId: string }> {
  const facts = await getCustomerOrderFacts(tx, ref);
  const [pref, ranked, active] = await Promise.all([
    tx.query<{ single: boolean }>('SELECT single_lot_per_line AS single FROM allocation_preferences WHERE customer_id = $1', [facts.customer.id]),
    tx.query<{ warehouseId: string }>('SELECT warehouse_id AS "warehouseId" FROM ship_to_warehouses WHERE ship_to_id = $1 ORDER BY rank', [facts.shipTo.id]),
    listWarehouses(tx, { active: true, limit: 500, offset: 0 }),
  ]);
  const activeIds = active.items.map((w) => w.id);
  const warehouseOrder = ranked.rows.length ? ranked.rows.map((r) => r.warehouseId).filter((id) => activeIds.includes(id)) : activeIds;
  return {
    shipToId: facts.shipTo.id,
    shelfLife: { minDays: facts.customer.minShelfLifeDays, minPct: facts.customer.minShelfLifePct },
    singleLotPerLine: pref.rows[0]?.single ?? false,
    warehouseOrder,
    transitDays: facts.carrierService?.transitDays ?? 0,
  };
}
