import type { Sql } from '../../db/types.ts';
import { DomainError } from '../../platform/errors.ts';
import { DEVICE_COLUMNS, DEVICE_RECORDSET, type DeviceRecord } from './device-record.ts';
import type { Packaging, PackagingLevel } from './packaging-rules.ts';
import type { Provenance } from './provenance.ts';

/**
 * The set-based statements every device write goes through: one statement per table and kind of
 * change, whether one device is written or a batch of thousands.
 */

export interface NewDeviceRow {
  id: string;
  record: DeviceRecord;
}

export interface ChangedDeviceRow {
  id: string;
  /** The version the change was computed from; another one in the table is a conflict. */
  version: number;
  record: DeviceRecord;
}

const COLUMN_LIST = DEVICE_COLUMNS.map(([, c]) => c).join(', ');
const FIELD_LIST = DEVICE_COLUMNS.map(([f]) => `r."${f}"`).join(', ');
const SET_LIST = DEVICE_COLUMNS.map(([f, c]) => `${c} = r."${f}"`).join(', ');

/** Inserts new devices; returns the codes that already existed (and were left alone). */
export async function insertDevices(tx: Sql, rows: readonly NewDeviceRow[], by: string, p: Provenance): Promise<string[]> {
  if (rows.length === 0) return [];
  const { rows: inserted } = await tx.query<{ code: string }>(
    `INSERT INTO devices (id, ${COLUMN_LIST}, source, source_ref, created_by, updated_by)
     SELECT r."id", ${FIELD_LIST}, $2, $3, $4, $4
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, ${DEVICE_RECORDSET})
     ON CONFLICT (code) DO NOTHING
     RETURNING code`,
    [JSON.stringify(rows.map((r) => ({ id: r.id, ...r.record }))), p.source, p.sourceRef ?? null, by],
  );
  const done = new Set(inserted.map((r) => r.code));
  return rows.filter((r) => !done.has(r.record.code)).map((r) => r.record.code);
}

/** Writes changed devices and bumps their versions; a row changed meanwhile is a CONFLICT. */
export async function updateDevices(tx: Sql, rows: readonly ChangedDeviceRow[], by: string): Promise<void> {
  if (rows.length === 0) return;
  const { rows: updated } = await tx.query<{ id: string }>(
    `UPDATE devices d SET ${SET_LIST}, version = d.version + 1, updated_by = $2, updated_at = now()
       FROM jsonb_to_recordset($1::jsonb) AS r("id" uuid, "version" int, ${DEVICE_RECORDSET})
      WHERE d.id = r."id" AND d.version = r."version"
      RETURNING d.id`,
    [JSON.stringify(rows.map((r) => ({ id: r.id, version: r.version, ...r.record }))), by],
  );
  if (updated.length !== rows.length) {
    const done = new Set(updated.map((r) => r.id));
    const stale = rows.filter((r) => !done.has(r.id)).map((r) => r.record.code);
    throw new DomainError('CONFLICT', `device(s) ${stale.join(', ')} changed meanwhile; read them again`, { details: { codes: stale } });
  }
}

/** Bumps the version of devices whose packaging alone changed. */
export async function touchDevices(tx: Sql, ids: readonly string[], by: string): Promise<void> {
  if (ids.length === 0) return;
  await tx.query('UPDATE devices SET version = version + 1, updated_by = $2, updated_at = now() WHERE id = ANY($1::uuid[])', [ids, by]);
}

export interface PackagingRow extends Packaging {
  deviceId: string;
}

/** Removes the given levels, then inserts the given rows (a GTIN moving between levels needs that order). */
export async function replacePackaging(
  tx: Sql,
  remove: ReadonlyArray<{ deviceId: string; level: PackagingLevel }>,
  insert: readonly PackagingRow[],
): Promise<void> {
  if (remove.length) {
    await tx.query(
      `DELETE FROM device_packaging p USING jsonb_to_recordset($1::jsonb) AS r("deviceId" uuid, "level" text)
        WHERE p.device_id = r."deviceId" AND p.level = r."level"`,
      [JSON.stringify(remove)],
    );
  }
  if (insert.length === 0) return;
  const { rows } = await tx.query<{ gtin: string }>(
    `INSERT INTO device_packaging (gtin, device_id, level, quantity, hibcc)
     SELECT r."gtin", r."deviceId", r."level", r."quantity", r."hibcc"
       FROM jsonb_to_recordset($1::jsonb) AS r("gtin" text, "deviceId" uuid, "level" text, "quantity" int, "hibcc" text)
     ON CONFLICT (gtin) DO NOTHING
     RETURNING gtin`,
    [JSON.stringify(insert)],
  );
  if (rows.length !== insert.length) {
    const done = new Set(rows.map((r) => r.gtin));
    const taken = insert.filter((r) => !done.has(r.gtin)).map((r) => r.gtin);
    throw new DomainError('GTIN_TAKEN', `GTIN ${taken.join(', ')} was taken meanwhile by another device`, { field: 'gtin', details: { gtins: taken } });
  }
}

/** The device and level that already carry an identifier (a GTIN-14 or an HIBCC UDI-DI). */
export interface IdentifierOwner {
  id: string;
  deviceId: string;
  deviceCode: string;
  level: PackagingLevel;
}

/** Which device and level each of these identifiers of a packaging level already names. */
async function findOwners(tx: Sql, column: 'gtin' | 'hibcc', ids: readonly string[]): Promise<Map<string, IdentifierOwner>> {
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<IdentifierOwner>(
    `SELECT p.${column} AS id, p.device_id AS "deviceId", d.code AS "deviceCode", p.level
       FROM device_packaging p JOIN devices d ON d.id = p.device_id
      WHERE p.${column} = ANY($1::text[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** Which device and level each of these GTIN-14s already names. */
export const findGtinOwners = (tx: Sql, gtins: readonly string[]): Promise<Map<string, IdentifierOwner>> => findOwners(tx, 'gtin', gtins);

/** Which device and level each of these HIBCC UDI-DIs already names. */
export const findHibccOwners = (tx: Sql, dis: readonly string[]): Promise<Map<string, IdentifierOwner>> => findOwners(tx, 'hibcc', dis);

/** DUPLICATE naming `field`: the HIBCC UDI-DI already names another device's (or level's) packaging. */
export const hibccTaken = (owner: IdentifierOwner, field: string): DomainError =>
  new DomainError('DUPLICATE', `${field}: HIBCC ${owner.id} is already the ${owner.level} level of device ${owner.deviceCode}`, {
    field, details: { deviceId: owner.deviceId, deviceCode: owner.deviceCode, level: owner.level },
  });

/** The audit's "created" changes: every field that has a value. */
export const createdChanges = (fields: Record<string, unknown>): Record<string, { new: unknown }> =>
  Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== null && v !== undefined).map(([k, v]) => [k, { new: v }]));
