import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { defaultProvenance } from '../catalog/provenance.ts';
import { addRecords } from './table-writes.ts';
import { checkZone } from './warehouse-rules.ts';
import type { ZoneInput } from './warehouse-schemas.ts';
import { ZONES, type ZoneRecord } from './warehouse-tables.ts';
import { findZoneByCode, loadWarehouse, loadZone, type ZoneView } from './warehouse-view.ts';

/** Adds a zone to a warehouse; its code must be new in that warehouse. */
export function createZone(db: Database, actor: Actor, warehouseId: string, input: ZoneInput, requestId: string | null = null): Promise<ZoneView> {
  const record: ZoneRecord = {
    warehouseId, code: input.code, nameZh: input.nameZh, nameEn: input.nameEn ?? null, zoneType: input.zoneType,
    storageCondition: input.storageCondition, active: input.active ?? true,
  };
  checkZone(record);
  return writeTx(db, { actor, requestId }, async (w) => {
    await loadWarehouse(w.tx, warehouseId, { forUpdate: true });
    if (await findZoneByCode(w.tx, warehouseId, input.code)) {
      throw new DomainError('DUPLICATE', `the warehouse already has a zone ${input.code}`, { field: 'code' });
    }
    const id = uuidv7();
    await addRecords(w, ZONES, [{ id, record }], defaultProvenance(actor));
    return loadZone(w.tx, warehouseId, id);
  });
}
