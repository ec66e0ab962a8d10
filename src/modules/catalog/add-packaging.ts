import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { writeTx } from '../../platform/unit-of-work.ts';
import type { PackagingInput } from './device-schemas.ts';
import { loadDevice, type DeviceDetail } from './device-view.ts';
import { findGtinOwners, findHibccOwners, hibccTaken, replacePackaging, touchDevices } from './device-writes.ts';
import { checkPackaging, gtin14 } from './packaging-rules.ts';

/** Gives a device one more packaging level with its own, new GTIN. */
export function addPackaging(db: Database, actor: Actor, deviceId: string, input: PackagingInput, requestId: string | null = null): Promise<DeviceDetail> {
  return writeTx(db, { actor, requestId }, async (w) => {
    const device = await loadDevice(w.tx, deviceId, { forUpdate: true });
    const gtin = gtin14(input.gtin, 'gtin');
    if (device.packaging.some((p) => p.level === input.level)) {
      throw new DomainError('DUPLICATE', `device ${device.code} already has a ${input.level} level; remove it first`, { field: 'level' });
    }
    const owner = (await findGtinOwners(w.tx, [gtin])).get(gtin);
    if (owner) {
      throw new DomainError('GTIN_TAKEN', `GTIN ${gtin} is already the ${owner.level} level of device ${owner.deviceCode}`, {
        field: 'gtin',
        details: { deviceId: owner.deviceId, deviceCode: owner.deviceCode, level: owner.level },
      });
    }
    // Checked with the levels already there, but every error names a field of this request.
    const stored = device.packaging.map(({ hibcc, ...p }) => (hibcc === null ? p : { ...p, hibcc }));
    const hibcc = checkPackaging([...stored, input], (_i, key) => key).find((p) => p.level === input.level)!.hibcc;
    const hibccOwner = hibcc === null ? undefined : (await findHibccOwners(w.tx, [hibcc])).get(hibcc);
    if (hibccOwner) throw hibccTaken(hibccOwner, 'hibcc');
    await replacePackaging(w.tx, [], [{ deviceId, level: input.level, gtin, quantity: input.quantity, hibcc }]);
    await touchDevices(w.tx, [deviceId], actor.name);
    w.audit({
      entityType: 'device',
      entityId: deviceId,
      action: 'packaging.added',
      changes: { [`packaging.${input.level}`]: { new: { gtin, quantity: input.quantity, ...(hibcc ? { hibcc } : {}) } } },
    });
    w.emit({
      topic: 'device.packaging_added',
      entityType: 'device',
      entityId: deviceId,
      payload: { code: device.code, level: input.level, gtin, quantity: input.quantity, ...(hibcc ? { hibcc } : {}) },
    });
    return loadDevice(w.tx, deviceId);
  });
}
