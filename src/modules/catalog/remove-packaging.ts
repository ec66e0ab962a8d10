import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import { loadDevice, type DeviceDetail, packagingLevelOf } from './device-view.ts';
import { replacePackaging, touchDevices } from './device-writes.ts';
import { gtin14 } from './packaging-rules.ts';

/**
 * Removes the packaging level a GTIN names from its device. The GTIN is then free again; GS1
 * forbids giving a healthcare GTIN to another product, which stays the user's responsibility.
 */
export function removePackaging(db: Database, actor: Actor, deviceId: string, gtin: string, requestId: string | null = null): Promise<DeviceDetail> {
  const normalised = gtin14(gtin, 'gtin');
  return writeTx(db, { actor, requestId }, async (w) => {
    const device = await loadDevice(w.tx, deviceId, { forUpdate: true });
    const level = packagingLevelOf(device, normalised);
    await replacePackaging(w.tx, [{ deviceId, level: level.level }], []);
    await touchDevices(w.tx, [deviceId], actor.name);
    w.audit({
      entityType: 'device',
      entityId: deviceId,
      action: 'packaging.removed',
      changes: { [`packaging.${level.level}`]: { old: { gtin: level.gtin, quantity: level.quantity, ...(level.hibcc ? { hibcc: level.hibcc } : {}) } } },
    });
    w.emit({ topic: 'device.packaging_removed', entityType: 'device', entityId: deviceId, payload: { code: device.code, level: level.level, gtin: level.gtin } });
    return loadDevice(w.tx, deviceId);
  });
}
