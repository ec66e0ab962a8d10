import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import type { DeactivateInput } from '../catalog/device-schemas.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';
import { checkVersion } from './check-version.ts';
import { changeRecords } from './table-writes.ts';
import { checkZone } from './warehouse-rules.ts';
import type { ZonePatch } from './warehouse-schemas.ts';
import { merge, recordOf, ZONES } from './warehouse-tables.ts';
import { loadZone, type ZoneView } from './warehouse-view.ts';

type Change = Omit<ZonePatch, 'version'> & { version?: number | undefined };

function changeZone(db: Database, actor: Actor, warehouseId: string, zoneId: string, change: Change, reason: string | null, requestId: string | null): Promise<ZoneView> {
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    const current = await loadZone(w.tx, warehouseId, zoneId, { forUpdate: true });
    checkVersion('zone', current.code, current.version, change.version);
    const before = recordOf(ZONES, current);
    const after = merge(ZONES, before, change);
    checkZone(after);
    const written = await changeRecords(w, ZONES, [{ id: zoneId, version: current.version, before, record: after }], reason);
    if (written.length === 0) return unchanged(current);
    return loadZone(w.tx, warehouseId, zoneId);
  });
}

/** PATCH: the fields given, refused with CONFLICT if `version` is not current. */
export function updateZone(db: Database, actor: Actor, warehouseId: string, zoneId: string, patch: ZonePatch, requestId: string | null = null): Promise<ZoneView> {
  return changeZone(db, actor, warehouseId, zoneId, patch, null, requestId);
}

/** Takes a zone out of use: its bins stay but take no stock, and no new bin may be put in it. */
export function deactivateZone(db: Database, actor: Actor, warehouseId: string, zoneId: string, input: DeactivateInput = {}, requestId: string | null = null): Promise<ZoneView> {
  return changeZone(db, actor, warehouseId, zoneId, { active: false, version: input.version }, input.reason ?? null, requestId);
}
