import type { Database, Sql } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { diffFields } from '../../platform/audit/audit-record.ts';
import { DomainError } from '../../platform/errors.ts';
import { uuidv7 } from '../../platform/ids.ts';
import type { Work } from '../../platform/unit-of-work.ts';
import { normaliseGtin } from '../udi/check-digit.ts';
import { forRow } from './batch-row.ts';
import { DEVICE_SELECT, mergeDeviceRecord, newDeviceRecord, type DeviceRecord } from './device-record.ts';
import { checkDeviceRules } from './device-rules.ts';
import type { DeviceInput } from './device-schemas.ts';
import { LEVEL_ORDER } from './device-view.ts';
import { createdChanges, findGtinOwners, findHibccOwners, hibccTaken, insertDevices, replacePackaging, touchDevices, updateDevices, type IdentifierOwner } from './device-writes.ts';
import { checkPackaging, type Packaging } from './packaging-rules.ts';
import type { Provenance } from './provenance.ts';
import { isColdChain } from './storage-conditions.ts';
import { writeIfChanged } from '../../platform/write-if-changed.ts';

export interface UpsertedDevice {
  code: string;
  id: string;
  outcome: 'created' | 'updated' | 'unchanged';
}

export interface UpsertDevicesResult {
  created: number;
  updated: number;
  unchanged: number;
  devices: UpsertedDevice[];
}

interface Stored {
  id: string;
  version: number;
  record: DeviceRecord;
  packaging: Packaging[];
}

interface Plan {
  row: number;
  id: string;
  stored: Stored | undefined;
  record: DeviceRecord;
  packaging: Packaging[];
  recordChanged: boolean;
  packagingChanged: boolean;
  changes: Record<string, unknown>;
}

const levelKey = (p: Packaging): string => `${p.level}:${p.gtin}:${p.quantity}:${p.hibcc ?? ''}`;
const packagingKey = (list: readonly Packaging[]): string => list.map(levelKey).join(',');

async function loadStored(tx: Sql, codes: readonly string[]): Promise<Map<string, Stored>> {
  const { rows } = await tx.query<DeviceRecord & { id: string; version: number }>(
    `SELECT d.id, d.version, ${DEVICE_SELECT} FROM devices d WHERE d.code = ANY($1::text[]) ORDER BY d.code FOR UPDATE`,
    [codes],
  );
  const packaging = await tx.query<Packaging & { deviceId: string }>(
    `SELECT p.device_id AS "deviceId", p.level, p.gtin, p.quantity, p.hibcc FROM device_packaging p
      WHERE p.device_id = ANY($1::uuid[]) ORDER BY p.device_id, ${LEVEL_ORDER}`,
    [rows.map((r) => r.id)],
  );
  const levels = new Map<string, Packaging[]>();
  for (const { deviceId, ...level } of packaging.rows) {
    levels.set(deviceId, [...(levels.get(deviceId) ?? []), level]);
  }
  return new Map(rows.map(({ id, version, ...record }) => [record.code, { id, version, record, packaging: levels.get(id) ?? [] }]));
}

function planRow(row: number, input: DeviceInput, stored: Stored | undefined): Plan {
  const record = stored ? mergeDeviceRecord(stored.record, input) : newDeviceRecord(input);
  forRow(row, () => checkDeviceRules(record, { coldChain: input.coldChain }));
  const packaging = input.packaging === undefined ? (stored?.packaging ?? []) : forRow(row, () => checkPackaging(input.packaging!));
  if (!stored) {
    const changes = createdChanges({ ...record, coldChain: isColdChain(record.storageCondition), packaging: packaging.length ? packaging : null });
    return { row, id: uuidv7(), stored, record, packaging, recordChanged: true, packagingChanged: packaging.length > 0, changes };
  }
  const changes: Record<string, unknown> = diffFields(stored.record as unknown as Record<string, unknown>, record as unknown as Record<string, unknown>);
  const recordChanged = Object.keys(changes).length > 0;
  const packagingChanged = packagingKey(stored.packaging) !== packagingKey(packaging);
  if (packagingChanged) changes.packaging = { old: stored.packaging, new: packaging };
  return { row, id: stored.id, stored, record, packaging, recordChanged, packagingChanged, changes };
}

/** An identifier a packaging level carries (GTIN, HIBCC UDI-DI): where it is, who has it, and the refusals naming the row's field. */
interface IdentifierKind {
  of: (level: Plan['packaging'][number]) => string | null;
  owners: (tx: Sql, ids: readonly string[]) => Promise<Map<string, IdentifierOwner>>;
  twice: (p: Plan, id: string, other: Plan) => DomainError;
  taken: (p: Plan, id: string, owner: IdentifierOwner) => DomainError;
}

/** Every wanted identifier is free, or this device's already, or given up by its device in this batch. */
async function checkIdentifiers(tx: Sql, plans: readonly Plan[], kind: IdentifierKind): Promise<void> {
  const wanted = new Map<string, Plan>();
  for (const p of plans.filter((q) => q.packagingChanged)) {
    for (const level of p.packaging) {
      const id = kind.of(level);
      if (id === null) continue;
      const other = wanted.get(id);
      if (other) forRow(p.row, () => { throw kind.twice(p, id, other); });
      wanted.set(id, p);
    }
  }
  const owners = await kind.owners(tx, [...wanted.keys()]);
  const byId = new Map(plans.map((p) => [p.id, p]));
  for (const [id, p] of wanted) {
    const owner = owners.get(id);
    if (!owner || owner.deviceId === p.id) continue;
    const ownerPlan = byId.get(owner.deviceId);
    if (!ownerPlan || ownerPlan.packaging.some((q) => kind.of(q) === id)) forRow(p.row, () => { throw kind.taken(p, id, owner); });
  }
}

const checkGtins = (tx: Sql, plans: readonly Plan[], rows: readonly DeviceInput[]): Promise<void> => {
  const fieldOf = (p: Plan, gtin: string) => `packaging.${rows[p.row]!.packaging!.findIndex((q) => normaliseGtin(q.gtin) === gtin)}.gtin`;
  const taken = (p: Plan, gtin: string, holder: string) =>
    new DomainError('GTIN_TAKEN', `GTIN ${gtin} is already a packaging level of ${holder}`, { field: fieldOf(p, gtin) });
  return checkIdentifiers(tx, plans, {
    of: (level) => level.gtin,
    owners: findGtinOwners,
    twice: (p, gtin, other) => taken(p, gtin, `device ${other.record.code} (row ${other.row})`),
    taken: (p, gtin, owner) => taken(p, gtin, `device ${owner.deviceCode}`),
  });
};

const checkHibccs = (tx: Sql, plans: readonly Plan[], rows: readonly DeviceInput[]): Promise<void> => {
  const fieldOf = (p: Plan, hibcc: string) => `packaging.${rows[p.row]!.packaging!.findIndex((q) => q.hibcc === hibcc)}.hibcc`;
  return checkIdentifiers(tx, plans, {
    of: (level) => level.hibcc,
    owners: findHibccOwners,
    twice: (p, hibcc, other) =>
      new DomainError('DUPLICATE', `HIBCC ${hibcc} is also given to device ${other.record.code} (row ${other.row})`, { field: fieldOf(p, hibcc) }),
    taken: (p, hibcc, owner) => hibccTaken(owner, fieldOf(p, hibcc)),
  });
};

/** Levels that differ from the stored ones go; the new ones come (removals first, so a GTIN may move). */
function writePackaging(tx: Sql, repackaged: readonly Plan[]): Promise<void> {
  const remove = repackaged.flatMap((p) => {
    const keep = new Set(p.packaging.map(levelKey));
    return (p.stored?.packaging ?? []).filter((old) => !keep.has(levelKey(old))).map((old) => ({ deviceId: p.id, level: old.level }));
  });
  const insert = repackaged.flatMap((p) => {
    const had = new Set((p.stored?.packaging ?? []).map(levelKey));
    return p.packaging.filter((n) => !had.has(levelKey(n))).map((n) => ({ ...n, deviceId: p.id }));
  });
  return replacePackaging(tx, remove, insert);
}

/**
 * Creates or updates devices by code, with their packaging, in a few set-based statements per
 * batch (for imports of 100,000 rows, call it per batch of a few thousand). A field a row leaves
 * out keeps its stored value; `packaging`, when given, is the device's whole set of levels. Rows
 * that change nothing are not written, audited or announced. A bad row fails the whole batch with
 * `details.row` (0-based) naming it.
 */
export async function upsertDevices(w: Work, rows: readonly DeviceInput[], provenance: Provenance): Promise<UpsertDevicesResult> {
  const firstRow = new Map<string, number>();
  rows.forEach((r, i) => {
    const earlier = firstRow.get(r.code);
    if (earlier !== undefined) forRow(i, () => { throw new DomainError('VALIDATION_FAILED', `code ${r.code} is also row ${earlier}`, { field: 'code' }); });
    firstRow.set(r.code, i);
  });
  const stored = await loadStored(w.tx, [...firstRow.keys()]);
  const plans = rows.map((r, i) => planRow(i, r, stored.get(r.code)));
  await checkGtins(w.tx, plans, rows);
  await checkHibccs(w.tx, plans, rows);

  const created = plans.filter((p) => !p.stored);
  const raced = await insertDevices(w.tx, created.map((p) => ({ id: p.id, record: p.record })), w.actor.name, provenance);
  if (raced.length) throw new DomainError('CONFLICT', `device(s) ${raced.join(', ')} were created meanwhile; run the batch again`);
  await updateDevices(w.tx, plans.filter((p) => p.stored && p.recordChanged).map((p) => ({ id: p.id, version: p.stored!.version, record: p.record })), w.actor.name);
  await touchDevices(w.tx, plans.filter((p) => p.stored && !p.recordChanged && p.packagingChanged).map((p) => p.id), w.actor.name);
  await writePackaging(w.tx, plans.filter((p) => p.packagingChanged));

  const devices: UpsertedDevice[] = [];
  for (const p of plans) {
    const outcome = !p.stored ? 'created' : p.recordChanged || p.packagingChanged ? 'updated' : 'unchanged';
    devices.push({ code: p.record.code, id: p.id, outcome });
    if (outcome === 'unchanged') continue;
    w.audit({ entityType: 'device', entityId: p.id, action: outcome, changes: p.changes });
    w.emit({
      topic: `device.${outcome}`,
      entityType: 'device',
      entityId: p.id,
      payload: { code: p.record.code, version: (p.stored?.version ?? 0) + 1, fields: Object.keys(p.changes) },
    });
  }
  const count = (o: UpsertedDevice['outcome']) => devices.filter((d) => d.outcome === o).length;
  return { created: count('created'), updated: count('updated'), unchanged: count('unchanged'), devices };
}

/** One device by code in its own transaction (demo seed, small integrations). */
export function upsertDevice(db: Database, actor: Actor, input: DeviceInput, requestId: string | null, provenance: Provenance): Promise<UpsertedDevice> {
  return writeIfChanged(db, { actor, requestId }, async (w, unchanged) => {
    const device = (await upsertDevices(w, [input], provenance)).devices[0]!;
    return device.outcome === 'unchanged' ? unchanged(device) : device;
  });
}
