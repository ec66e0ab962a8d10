import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { DomainError } from '../../platform/errors.ts';
import { DEVICE_COLUMNS, mergeDeviceRecord, type DeviceRecord } from './device-record.ts';
import { checkDeviceRules } from './device-rules.ts';
import type { DeactivateInput, DevicePatch } from './device-schemas.ts';
import { loadDevice, type DeviceDetail } from './device-view.ts';
import { updateDevices } from './device-writes.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';

const recordOf = (d: DeviceDetail): DeviceRecord =>
  Object.fromEntries(DEVICE_COLUMNS.map(([f]) => [f, d[f]])) as unknown as DeviceRecord;

interface Change {
  fields: Partial<Record<keyof DeviceRecord, unknown>>;
  coldChain?: boolean | undefined;
  /** The version the caller read; undefined skips the check. */
  version?: number | undefined;
}

function plan(current: DeviceDetail, change: Change) {
  if (change.version !== undefined && change.version !== current.version) {
    throw new DomainError('CONFLICT', `device ${current.code} is at version ${current.version}, not ${change.version}: read it again`, {
      field: 'version',
      details: { currentVersion: current.version },
    });
  }
  const before = recordOf(current);
  const after = mergeDeviceRecord(before, change.fields);
  checkDeviceRules(after, { coldChain: change.coldChain });
  return { after, changes: diffFields(before as unknown as Record<string, unknown>, after as unknown as Record<string, unknown>) };
}

/**
 * Applies a change to a device: the rules are checked on the merged record, only changed fields
 * are written and audited, and a change that changes nothing writes nothing.
 */
async function changeDevice(
  db: Database,
  actor: Actor,
  id: string,
  change: Change,
  what: { action: string; topic: string; reason?: string | null | undefined },
  requestId: string | null,
): Promise<DeviceDetail> {
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    const locked = await loadDevice(w.tx, id, { forUpdate: true });
    const { after, changes } = plan(locked, change);
    if (Object.keys(changes).length === 0) return unchanged(locked);
    await updateDevices(w.tx, [{ id, version: locked.version, record: after }], actor.name);
    w.audit({ entityType: 'device', entityId: id, action: what.action, changes, reason: what.reason ?? null });
    w.emit({
      topic: what.topic,
      entityType: 'device',
      entityId: id,
      payload: { code: after.code, version: locked.version + 1, fields: Object.keys(changes) },
    });
    return loadDevice(w.tx, id);
  });
}

/** PATCH: the fields given (null clears one), refused with CONFLICT if `version` is not current. */
export function updateDevice(db: Database, actor: Actor, id: string, patch: DevicePatch, requestId: string | null = null): Promise<DeviceDetail> {
  const { version, coldChain, ...fields } = patch;
  return changeDevice(db, actor, id, { fields, coldChain, version }, { action: 'updated', topic: 'device.updated' }, requestId);
}

/** Takes a device out of use (kept for history); deactivating an inactive device changes nothing. */
export function deactivateDevice(db: Database, actor: Actor, id: string, input: DeactivateInput = {}, requestId: string | null = null): Promise<DeviceDetail> {
  return changeDevice(db, actor, id, { fields: { active: false }, version: input.version },
    { action: 'deactivated', topic: 'device.deactivated', reason: input.reason }, requestId);
}
