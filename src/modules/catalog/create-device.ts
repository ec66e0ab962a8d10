import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import { writeTx, type Work } from '../../platform/unit-of-work.ts';
import { normaliseGtin } from '../udi/check-digit.ts';
import { newDeviceRecord } from './device-record.ts';
import { checkDeviceRules } from './device-rules.ts';
import type { DeviceInput } from './device-schemas.ts';
import { loadDevice, type DeviceDetail } from './device-view.ts';
import { createdChanges, findGtinOwners, findHibccOwners, hibccTaken, insertDevices, replacePackaging } from './device-writes.ts';
import { checkPackaging } from './packaging-rules.ts';
import { defaultProvenance, type Provenance } from './provenance.ts';
import { isColdChain } from './storage-conditions.ts';

/** Adds one device with its packaging levels; its code and GTINs must be new. */
export async function createDeviceIn(w: Work, input: DeviceInput, provenance: Provenance): Promise<DeviceDetail> {
  const record = newDeviceRecord(input);
  checkDeviceRules(record, { coldChain: input.coldChain });
  const packaging = checkPackaging(input.packaging ?? []);
  const owners = await findGtinOwners(w.tx, packaging.map((p) => p.gtin));
  const hibccOwners = await findHibccOwners(w.tx, packaging.flatMap((p) => (p.hibcc ? [p.hibcc] : [])));
  for (const [i, p] of (input.packaging ?? []).entries()) {
    const owner = owners.get(normaliseGtin(p.gtin));
    if (owner) {
      throw new DomainError('GTIN_TAKEN', `GTIN ${owner.id} is already the ${owner.level} level of device ${owner.deviceCode}`, {
        field: `packaging.${i}.gtin`,
        details: { deviceId: owner.deviceId, deviceCode: owner.deviceCode, level: owner.level },
      });
    }
    const hibccOwner = p.hibcc === undefined ? undefined : hibccOwners.get(p.hibcc);
    if (hibccOwner) throw hibccTaken(hibccOwner, `packaging.${i}.hibcc`);
  }
  const id = uuidv7();
  const existing = await insertDevices(w.tx, [{ id, record }], w.actor.name, provenance);
  if (existing.length) throw new DomainError('DUPLICATE', `device code ${input.code} already exists`, { field: 'code' });
  await replacePackaging(w.tx, [], packaging.map((p) => ({ ...p, deviceId: id })));
  w.audit({
    entityType: 'device',
    entityId: id,
    action: 'created',
    changes: createdChanges({ ...record, coldChain: isColdChain(record.storageCondition), packaging: packaging.length ? packaging : null }),
  });
  w.emit({
    topic: 'device.created',
    entityType: 'device',
    entityId: id,
    payload: { code: record.code, deviceClass: record.deviceClass, gtins: packaging.map((p) => p.gtin) },
  });
  return loadDevice(w.tx, id);
}

export function createDevice(
  db: Database,
  actor: Actor,
  input: DeviceInput,
  requestId: string | null = null,
  provenance: Provenance = defaultProvenance(actor),
): Promise<DeviceDetail> {
  return writeTx(db, { actor, requestId }, (w) => createDeviceIn(w, input, provenance));
}
