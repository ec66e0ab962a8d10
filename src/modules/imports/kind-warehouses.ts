import { WarehouseInput } from '../warehouses/warehouse-schemas.ts';
import { upsertWarehouses } from '../warehouses/upsert-warehouses.ts';
import type { ImportKind } from './import-types.ts';
import { upsertSkippingBadRows } from './skip-bad-rows.ts';

/** Warehouses by code; zones as `zones.N.code/nameZh/zoneType/storageCondition` columns, bins likewise. */
export const warehousesKind: ImportKind<WarehouseInput> = {
  name: 'warehouses',
  entity: 'warehouse',
  permission: 'warehouses.write',
  schema: WarehouseInput,
  keyFields: ['code'],
  keyOf: (r) => r.code,
  async write(w, _deps, rows, provenance) {
    const { result, errors } = await upsertSkippingBadRows(w, rows, (attempt, ok) => upsertWarehouses(attempt, ok, provenance));
    const count = (o: string) => (result ?? []).filter((r) => r.outcome === o).length;
    return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), errors };
  },
};
