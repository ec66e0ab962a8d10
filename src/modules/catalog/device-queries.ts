import type { Sql } from '../../db/types.ts';
import { isUuid } from '../../platform/ids.ts';
import { isValidGtin, normaliseGtin } from '../udi/check-digit.ts';
import type { DeviceRecord } from './device-record.ts';
import type { PackagingLevel } from './packaging-rules.ts';
import type { StorageCondition } from './storage-conditions.ts';

/**
 * What other modules ask the catalogue (orders, inventory, EDI, compliance, parties): they call
 * these with their own transaction and never read the catalogue's tables themselves.
 */

export interface GtinResolution {
  gtin: string;
  deviceId: string;
  deviceCode: string;
  nameZh: string;
  nameEn: string | null;
  level: PackagingLevel;
  /** Base units in one package of this level. */
  quantity: number;
  baseUnit: string;
  trackingMode: DeviceRecord['trackingMode'];
  deviceClass: DeviceRecord['deviceClass'];
  coldChain: boolean;
  active: boolean;
}

const RESOLUTION_COLUMNS = `p.gtin, d.id AS "deviceId", d.code AS "deviceCode", d.name_zh AS "nameZh", d.name_en AS "nameEn", p.level,
  p.quantity, d.base_unit AS "baseUnit", d.tracking_mode AS "trackingMode", d.device_class AS "deviceClass",
  d.cold_chain AS "coldChain", d.active`;

/** The devices and levels a batch of GTINs name (any GTIN-8/12/13/14 form), keyed by GTIN-14. */
export async function resolveGtins(tx: Sql, gtins: readonly string[]): Promise<Map<string, GtinResolution>> {
  const wanted = [...new Set(gtins.filter(isValidGtin).map(normaliseGtin))];
  if (wanted.length === 0) return new Map();
  const { rows } = await tx.query<GtinResolution>(
    `SELECT ${RESOLUTION_COLUMNS} FROM device_packaging p JOIN devices d ON d.id = p.device_id WHERE p.gtin = ANY($1::text[])`,
    [wanted],
  );
  return new Map(rows.map((r) => [r.gtin, r]));
}

/** A packaging level found by a label's UDI-DI, with the level's HIBCC UDI-DI when it has one. */
export interface UdiResolution extends GtinResolution {
  hibcc: string | null;
}

/**
 * The devices and levels a batch of label UDI-DIs name (udi-di.ts): GTINs, keyed by GTIN-14, and
 * HIBCC UDI-DIs (LIC + product number + unit of measure), keyed as given. One statement.
 */
export async function resolveUdiDis(tx: Sql, dis: readonly string[]): Promise<Map<string, UdiResolution>> {
  const gtins = [...new Set(dis.filter(isValidGtin).map(normaliseGtin))];
  const hibccs = [...new Set(dis.filter((di) => /^[A-Z]/.test(di)))];
  if (gtins.length === 0 && hibccs.length === 0) return new Map();
  const { rows } = await tx.query<UdiResolution>(
    `SELECT ${RESOLUTION_COLUMNS}, p.hibcc FROM device_packaging p JOIN devices d ON d.id = p.device_id
      WHERE p.gtin = ANY($1::text[]) OR p.hibcc = ANY($2::text[])`,
    [gtins, hibccs],
  );
  const out = new Map<string, UdiResolution>();
  const asked = { gtins: new Set(gtins), hibccs: new Set(hibccs) };
  for (const r of rows) {
    if (asked.gtins.has(r.gtin)) out.set(r.gtin, r);
    if (r.hibcc !== null && asked.hibccs.has(r.hibcc)) out.set(r.hibcc, r);
  }
  return out;
}

/** The device and level one GTIN names, or null when it names none (or is no valid GTIN). */
export async function resolveGtin(tx: Sql, gtin: string): Promise<GtinResolution | null> {
  return (await resolveGtins(tx, [gtin])).values().next().value ?? null;
}

export interface DeviceFacts {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  deviceClass: DeviceRecord['deviceClass'];
  categoryCode: string;
  registrationKind: DeviceRecord['registrationKind'];
  registrationNumber: string | null;
  registrationExpiresOn: string | null;
  storageCondition: StorageCondition;
  minTempC: number | null;
  maxTempC: number | null;
  coldChain: boolean;
  shelfLifeDays: number | null;
  sterile: boolean;
  implantable: boolean;
  trackingMode: DeviceRecord['trackingMode'];
  baseUnit: string;
  hsCode: string | null;
  countryOfOrigin: string | null;
  active: boolean;
  /** Packaging levels smallest first, with base units per package. */
  packaging: Array<{ level: PackagingLevel; gtin: string; quantity: number }>;
}

/** The compliance, storage and tracking facts of devices, keyed by id; unknown ids are absent. */
export async function getDeviceFacts(tx: Sql, deviceIds: readonly string[]): Promise<Map<string, DeviceFacts>> {
  const ids = [...new Set(deviceIds.filter(isUuid))];
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<DeviceFacts>(
    `SELECT d.id, d.code, d.name_zh AS "nameZh", d.name_en AS "nameEn", d.device_class AS "deviceClass",
            d.category_code AS "categoryCode", d.registration_kind AS "registrationKind",
            d.registration_number AS "registrationNumber", d.registration_expires_on AS "registrationExpiresOn",
            d.storage_condition AS "storageCondition", d.min_temp_c AS "minTempC", d.max_temp_c AS "maxTempC",
            d.cold_chain AS "coldChain", d.shelf_life_days AS "shelfLifeDays", d.sterile, d.implantable,
            d.tracking_mode AS "trackingMode", d.base_unit AS "baseUnit", d.hs_code AS "hsCode",
            d.country_of_origin AS "countryOfOrigin", d.active,
            coalesce((SELECT json_agg(json_build_object('level', p.level, 'gtin', p.gtin, 'quantity', p.quantity)
                                      ORDER BY array_position(ARRAY['each', 'box', 'case', 'pallet'], p.level))
                        FROM device_packaging p WHERE p.device_id = d.id), '[]'::json) AS packaging
       FROM devices d WHERE d.id = ANY($1::uuid[])`,
    [ids],
  );
  return new Map(rows.map((r) => [r.id, r]));
}

/** The HIBCC UDI-DIs of devices' packaging levels, by device id and then level; levels without one are absent. */
export async function getPackagingHibccs(tx: Sql, deviceIds: readonly string[]): Promise<Map<string, Map<PackagingLevel, string>>> {
  const ids = [...new Set(deviceIds.filter(isUuid))];
  const out = new Map<string, Map<PackagingLevel, string>>();
  if (ids.length === 0) return out;
  const { rows } = await tx.query<{ deviceId: string; level: PackagingLevel; hibcc: string }>(
    'SELECT device_id AS "deviceId", level, hibcc FROM device_packaging WHERE device_id = ANY($1::uuid[]) AND hibcc IS NOT NULL',
    [ids],
  );
  for (const r of rows) out.set(r.deviceId, (out.get(r.deviceId) ?? new Map<PackagingLevel, string>()).set(r.level, r.hibcc));
  return out;
}

/** The replenishment lead time of devices in days (null when not set), for promising dates. */
export async function getLeadTimes(tx: Sql, deviceIds: readonly string[]): Promise<Map<string, number | null>> {
  const ids = [...new Set(deviceIds.filter(isUuid))];
  if (ids.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; days: number | null }>('SELECT id, lead_time_days AS days FROM devices WHERE id = ANY($1::uuid[])', [ids]);
  return new Map(rows.map((r) => [r.id, r.days]));
}

/** Device ids by code (EDI lines and imports name devices by code); unknown codes are absent. */
export async function findDeviceIdsByCode(tx: Sql, codes: readonly string[]): Promise<Map<string, string>> {
  if (codes.length === 0) return new Map();
  const { rows } = await tx.query<{ id: string; code: string }>('SELECT id, code FROM devices WHERE code = ANY($1::text[])', [
    [...new Set(codes)],
  ]);
  return new Map(rows.map((r) => [r.code, r.id]));
}
