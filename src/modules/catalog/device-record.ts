import type { DeviceInput } from './device-schemas.ts';
import type { StorageCondition } from './storage-conditions.ts';

/** A device's own stored fields (no id, version or provenance): what rules check and audits diff. */
export interface DeviceRecord {
  code: string;
  nameZh: string;
  nameEn: string | null;
  deviceClass: 'I' | 'II' | 'III';
  categoryCode: string;
  registrationKind: 'registration' | 'filing' | null;
  registrationNumber: string | null;
  registrationIssuedOn: string | null;
  registrationExpiresOn: string | null;
  registrant: string | null;
  storageCondition: StorageCondition;
  minTempC: number | null;
  maxTempC: number | null;
  shelfLifeDays: number | null;
  sterile: boolean;
  implantable: boolean;
  trackingMode: 'lot' | 'serial' | 'lot_serial';
  baseUnit: string;
  hsCode: string | null;
  countryOfOrigin: string | null;
  leadTimeDays: number | null;
  makeOrBuy: 'make' | 'buy';
  active: boolean;
}

/**
 * Field → column and SQL type, in one place: the SELECT list, the set-based INSERT/UPDATE and the
 * jsonb_to_recordset column definitions are all written from it.
 */
export const DEVICE_COLUMNS: ReadonlyArray<readonly [keyof DeviceRecord, string, string]> = [
  ['code', 'code', 'text'],
  ['nameZh', 'name_zh', 'text'],
  ['nameEn', 'name_en', 'text'],
  ['deviceClass', 'device_class', 'text'],
  ['categoryCode', 'category_code', 'text'],
  ['registrationKind', 'registration_kind', 'text'],
  ['registrationNumber', 'registration_number', 'text'],
  ['registrationIssuedOn', 'registration_issued_on', 'date'],
  ['registrationExpiresOn', 'registration_expires_on', 'date'],
  ['registrant', 'registrant', 'text'],
  ['storageCondition', 'storage_condition', 'text'],
  ['minTempC', 'min_temp_c', 'int'],
  ['maxTempC', 'max_temp_c', 'int'],
  ['shelfLifeDays', 'shelf_life_days', 'int'],
  ['sterile', 'sterile', 'boolean'],
  ['implantable', 'implantable', 'boolean'],
  ['trackingMode', 'tracking_mode', 'text'],
  ['baseUnit', 'base_unit', 'text'],
  ['hsCode', 'hs_code', 'text'],
  ['countryOfOrigin', 'country_of_origin', 'text'],
  ['leadTimeDays', 'lead_time_days', 'int'],
  ['makeOrBuy', 'make_or_buy', 'text'],
  ['active', 'active', 'boolean'],
];

/** `d.name_zh AS "nameZh", …` for a table aliased `d`. */
export const DEVICE_SELECT = DEVICE_COLUMNS.map(([f, c]) => `d.${c} AS "${f}"`).join(', ');
/** `"nameZh" text, …` for `jsonb_to_recordset(…) AS r(…)`. */
export const DEVICE_RECORDSET = DEVICE_COLUMNS.map(([f, , t]) => `"${f}" ${t}`).join(', ');

const FIELDS = DEVICE_COLUMNS.map(([f]) => f);

/** The stored record a new device gets from its input: defaults filled, packaging left out. */
export function newDeviceRecord(input: DeviceInput): DeviceRecord {
  return mergeDeviceRecord(
    {
      code: input.code, nameZh: input.nameZh, nameEn: null, deviceClass: input.deviceClass, categoryCode: input.categoryCode,
      registrationKind: null, registrationNumber: null, registrationIssuedOn: null, registrationExpiresOn: null, registrant: null,
      storageCondition: input.storageCondition, minTempC: null, maxTempC: null, shelfLifeDays: null, sterile: false,
      implantable: false, trackingMode: input.trackingMode, baseUnit: 'EA', hsCode: null, countryOfOrigin: null,
      leadTimeDays: null, makeOrBuy: 'buy', active: true,
    },
    input,
  );
}

/**
 * A stored record with the fields a change names: a field left out keeps its value, null clears
 * it. A registration kind left out follows the class when a number is present (class I files,
 * class II/III register).
 */
export function mergeDeviceRecord(before: DeviceRecord, change: Partial<Record<keyof DeviceRecord, unknown>>): DeviceRecord {
  const after = { ...before } as Record<keyof DeviceRecord, unknown>;
  for (const f of FIELDS) if (change[f] !== undefined) after[f] = change[f];
  const merged = after as unknown as DeviceRecord;
  if (change.registrationKind === undefined) {
    if (merged.registrationNumber === null) merged.registrationKind = null;
    else if (before.registrationKind === null || change.deviceClass !== undefined) {
      merged.registrationKind = merged.deviceClass === 'I' ? 'filing' : 'registration';
    }
  }
  return merged;
}
