import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import type { DeactivateInput } from '../catalog/device-schemas.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';
import { checkVersion } from './check-version.ts';
import { changeRecords } from './table-writes.ts';
import type { BinPatch } from './warehouse-schemas.ts';
import { BINS, merge, recordOf } from './warehouse-tables.ts';
import { loadBin, type BinView } from './warehouse-view.ts';
import { zoneForBin } from './zone-for-bin.ts';

type Change = Omit<BinPatch, 'version'> & { version?: number | undefined };

function changeBin(db: Database, actor: Actor, warehouseId: string, binId: string, change: Change, reason: string | null, requestId: string | null): Promise<BinView> {
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    const current = await loadBin(w.tx, warehouseId, binId, { forUpdate: true });
    checkVersion('bin', current.code, current.version, change.version);
    const before = recordOf(BINS, current);
    const active = change.active ?? current.active;
    // Re-check the zone when the bin moves or comes back into use.
    const zoneId = change.zoneCode !== undefined || (active && !current.active)
      ? (await zoneForBin(w.tx, warehouseId, change.zoneCode ?? current.zoneCode, active)).id
      : current.zoneId;
    const after = merge(BINS, before, { pickSequence: change.pickSequence, active: change.active, zoneId });
    const written = await changeRecords(w, BINS, [{ id: binId, version: current.version, before, record: after }], reason);
    if (written.length === 0) return unchanged(current);
    return loadBin(w.tx, warehouseId, binId);
  });
}

/** PATCH: move to another zone (by code), re-sequence, (de)activate; CONFLICT if `version` is not current. */
export function updateBin(db: Database, actor: Actor, warehouseId: string, binId: string, patch: BinPatch, requestId: string | null = null): Promise<BinView> {
  return changeBin(db, actor, warehouseId, binId, patch, null, requestId);
}

/** Takes a bin out of use (kept for the history of its stock moves). */
export function deactivateBin(db: Database, actor: Actor, warehouseId: string, binId: string, input: DeactivateInput = {}, requestId: string | null = null): Promise<BinView> {
  return changeBin(db, actor, warehouseId, binId, { active: false, version: input.version }, input.reason ?? null, requestId);
}
