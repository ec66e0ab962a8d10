import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { invalid, isDomainError } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { getCustomerOrderFacts } from '../parties/customer-order-facts.ts';
import { findVisibleParty } from '../parties/party-access.ts';
import { loadWarehouse } from '../warehouses/warehouse-view.ts';
import type { AllocationPreferenceInput } from './inventory-schemas.ts';

export interface AllocationPreferences {
  customerId: string;
  singleLotPerLine: boolean;
  shipToWarehouses: Array<{ shipToId: string; warehouseIds: string[] }>;
}

export async function getAllocationPreferences(tx: Sql, actor: Actor, customerId: string): Promise<AllocationPreferences> {
  await findVisibleParty(tx, actor, customerId);
  const [pref, ranked] = await Promise.all([
    tx.query<{ single: boolean }>('SELECT single_lot_per_line AS single FROM allocation_preferences WHERE customer_id = $1', [customerId]),
    tx.query<{ shipToId: string; warehouseIds: string[] }>(
      `SELECT s.ship_to_id AS "shipToId", array_agg(s.warehouse_id::text ORDER BY s.rank) AS "warehouseIds"
         FROM ship_to_warehouses s JOIN party_addresses a ON a.id = s.ship_to_id
        WHERE a.party_id = $1 GROUP BY s.ship_to_id ORDER BY s.ship_to_id`,
      [customerId],
    ),
  ]);
  return { customerId, singleLotPerLine: pref.rows[0]?.single ?? false, shipToWarehouses: ranked.rows };
}

const fieldError = (field: string) => (e: unknown): never => {
  throw isDomainError(e) && (e.code === 'NOT_FOUND' || e.code === 'VALIDATION_FAILED') ? invalid(field, e.message) : e;
};

/**
 * Sets how a customer's orders are allocated: one lot per line or not, and per ship-to the
 * warehouses that serve it, most preferred first (an empty list: every active warehouse).
 * Ship-tos not named keep their warehouses.
 */
export function setAllocationPreferences(db: Database, actor: Actor, customerId: string, input: AllocationPreferenceInput, requestId: string | null = null) {
  return writeTx(db, { actor, requestId }, async (w) => {
    const party = await findVisibleParty(w.tx, actor, customerId, { forUpdate: true });
    if (party.kind !== 'customer') throw invalid('customerId', `${party.code} is a ${party.kind}, not a customer`);
    const before = await getAllocationPreferences(w.tx, actor, customerId);
    const wanted = input.shipToWarehouses ?? [];
    for (const [i, s] of wanted.entries()) {
      if (wanted.findIndex((x) => x.shipToId === s.shipToId) !== i) throw invalid(`shipToWarehouses.${i}.shipToId`, 'this ship-to is named twice');
      await getCustomerOrderFacts(w.tx, { customerId, shipToId: s.shipToId }).catch(fieldError(`shipToWarehouses.${i}.shipToId`));
      for (const [j, id] of s.warehouseIds.entries()) await loadWarehouse(w.tx, id).catch(fieldError(`shipToWarehouses.${i}.warehouseIds.${j}`));
    }
    await w.tx.query(
      `INSERT INTO allocation_preferences (customer_id, single_lot_per_line, created_by, updated_by) VALUES ($1, $2, $3, $3)
       ON CONFLICT (customer_id) DO UPDATE SET single_lot_per_line = EXCLUDED.single_lot_per_line, updated_by = $3, updated_at = now()`,
      [customerId, input.singleLotPerLine, actor.name],
    );
    await w.tx.query('DELETE FROM ship_to_warehouses WHERE ship_to_id = ANY($1::uuid[])', [wanted.map((s) => s.shipToId)]);
    await w.tx.query(
      `INSERT INTO ship_to_warehouses (ship_to_id, warehouse_id, rank, created_by)
       SELECT r."shipToId", r."warehouseId", r.rank, $2 FROM jsonb_to_recordset($1::jsonb) AS r("shipToId" uuid, "warehouseId" uuid, rank int)`,
      [JSON.stringify(wanted.flatMap((s) => s.warehouseIds.map((warehouseId, k) => ({ shipToId: s.shipToId, warehouseId, rank: k + 1 })))), actor.name],
    );
    const after = await getAllocationPreferences(w.tx, actor, customerId);
    w.audit({ entityType: 'party', entityId: customerId, action: 'allocation_preferences', changes: { preferences: { old: before, new: after } } });
    return after;
  });
}
