import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import type { DeactivateInput } from '../catalog/device-schemas.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';
import { checkVersion } from './check-version.ts';
import { changeRecords } from './table-writes.ts';
import { checkWarehouse } from './warehouse-rules.ts';
import type { WarehousePatch } from './warehouse-schemas.ts';
import { merge, recordOf, WAREHOUSES } from './warehouse-tables.ts';
import { loadWarehouseDetail, loadWarehouse, type WarehouseDetail } from './warehouse-view.ts';

type Change = Omit<WarehousePatch, 'version'> & { version?: number | undefined };

async function changeWarehouse(db: Database, actor: Actor, id: string, change: Change, reason: string | null, requestId: string | null): Promise<WarehouseDetail> {
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    const current = await loadWarehouse(w.tx, id, { forUpdate: true });
    checkVersion('warehouse', current.code, current.version, change.version);
    const before = recordOf(WAREHOUSES, current);
    const after = merge(WAREHOUSES, before, change);
    checkWarehouse(after);
    if (after.gln !== null && after.gln !== before.gln) {
      const owner = await w.tx.query<{ code: string }>('SELECT code FROM warehouses WHERE gln = $1 AND id <> $2', [after.gln, id]);
      if (owner.rows[0]) throw new DomainError('DUPLICATE', `GLN ${after.gln} already identifies warehouse ${owner.rows[0].code}`, { field: 'gln' });
    }
    const written = await changeRecords(w, WAREHOUSES, [{ id, version: current.version, before, record: after }], reason);
    if (written.length === 0) return unchanged(await loadWarehouseDetail(w.tx, id));
    return loadWarehouseDetail(w.tx, id);
  });
}

/** PATCH: the fields given (null clears one), refused with CONFLICT if `version` is not current. */
export function updateWarehouse(db: Database, actor: Actor, id: string, patch: WarehousePatch, requestId: string | null = null): Promise<WarehouseDetail> {
  return changeWarehouse(db, actor, id, patch, null, requestId);
}

/**
 * Takes a warehouse out of use; its zones and bins stay as they are but take no stock while it is
 * inactive (see checkStorage). Deactivating an inactive warehouse changes nothing.
 */
export function deactivateWarehouse(db: Database, actor: Actor, id: string, input: DeactivateInput = {}, requestId: string | null = null): Promise<WarehouseDetail> {
  return changeWarehouse(db, actor, id, { active: false, version: input.version }, input.reason ?? null, requestId);
}
