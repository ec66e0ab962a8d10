import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { defaultProvenance } from '../catalog/provenance.ts';
import { addRecords } from './table-writes.ts';
import type { BinInput } from './warehouse-schemas.ts';
import { BINS } from './warehouse-tables.ts';
import { loadBin, loadWarehouse, type BinView } from './warehouse-view.ts';
import { zoneForBin } from './zone-for-bin.ts';

/** Adds a bin location to a zone of a warehouse; its code must be new in that warehouse. */
export function createBin(db: Database, actor: Actor, warehouseId: string, input: BinInput, requestId: string | null = null): Promise<BinView> {
  return writeTx(db, { actor, requestId }, async (w) => {
    await loadWarehouse(w.tx, warehouseId, { forUpdate: true });
    const active = input.active ?? true;
    const zone = await zoneForBin(w.tx, warehouseId, input.zoneCode, active);
    const taken = await w.tx.query('SELECT 1 FROM warehouse_bins WHERE warehouse_id = $1 AND code = $2', [warehouseId, input.code]);
    if (taken.rows.length) throw new DomainError('DUPLICATE', `the warehouse already has a bin ${input.code}`, { field: 'code' });
    const id = uuidv7();
    const record = { warehouseId, zoneId: zone.id, code: input.code, pickSequence: input.pickSequence ?? 0, active };
    await addRecords(w, BINS, [{ id, record }], defaultProvenance(actor));
    return loadBin(w.tx, warehouseId, id);
  });
}
