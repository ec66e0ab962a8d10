import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { defaultProvenance, type Provenance } from '../catalog/provenance.ts';
import { upsertWarehouses } from './upsert-warehouses.ts';
import type { WarehouseInput } from './warehouse-schemas.ts';
import { loadWarehouseDetail, type WarehouseDetail } from './warehouse-view.ts';

/** Adds a warehouse with the zones and bins it names; its code must be new. */
export async function createWarehouseIn(w: Work, input: WarehouseInput, provenance: Provenance): Promise<WarehouseDetail> {
  const exists = await w.tx.query('SELECT 1 FROM warehouses WHERE code = $1', [input.code]);
  if (exists.rows.length) throw new DomainError('DUPLICATE', `warehouse code ${input.code} already exists`, { field: 'code' });
  const [created] = await upsertWarehouses(w, [input], provenance, { rowErrors: false });
  return loadWarehouseDetail(w.tx, created!.id);
}

export function createWarehouse(
  db: Database,
  actor: Actor,
  input: WarehouseInput,
  requestId: string | null = null,
  provenance: Provenance = defaultProvenance(actor),
): Promise<WarehouseDetail> {
  return writeTx(db, { actor, requestId }, (w) => createWarehouseIn(w, input, provenance));
}
