import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';
import type { PackagingHibccInput } from './device-schemas.ts';
import { loadDevice, type DeviceDetail, packagingLevelOf } from './device-view.ts';
import { findHibccOwners, hibccTaken, touchDevices } from './device-writes.ts';
import { gtin14 } from './packaging-rules.ts';
import { hibccDi } from './udi-di.ts';

/**
 * Gives the packaging level a GTIN names its HIBCC UDI-DI (or clears it with null), so HIBCC labels
 * of that level resolve to it. The UDI-DI must be free: another device's or another level's is
 * DUPLICATE. Setting the value the level already has changes nothing.
 */
export function setPackagingHibcc(
  db: Database, actor: Actor, deviceId: string, gtin: string, input: PackagingHibccInput, requestId: string | null = null,
): Promise<DeviceDetail> {
  const normalised = gtin14(gtin, 'gtin');
  const hibcc = input.hibcc === null ? null : hibccDi(input.hibcc, 'hibcc');
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    const device = await loadDevice(w.tx, deviceId, { forUpdate: true });
    const level = packagingLevelOf(device, normalised);
    if (level.hibcc === hibcc) return unchanged(device);
    const owner = hibcc === null ? undefined : (await findHibccOwners(w.tx, [hibcc])).get(hibcc);
    if (owner) throw hibccTaken(owner, 'hibcc');
    await w.tx.query('UPDATE device_packaging SET hibcc = $3 WHERE device_id = $1 AND gtin = $2', [deviceId, normalised, hibcc]);
    await touchDevices(w.tx, [deviceId], actor.name);
    w.audit({
      entityType: 'device',
      entityId: deviceId,
      action: 'packaging.hibcc_set',
      changes: { [`packaging.${level.level}.hibcc`]: { old: level.hibcc, new: hibcc } },
    });
    w.emit({ topic: 'device.packaging_hibcc_set', entityType: 'device', entityId: deviceId, payload: { code: device.code, level: level.level, gtin: normalised, hibcc } });
    return loadDevice(w.tx, deviceId);
  });
}
