import type { DeviceInput, PackagingInput } from '../catalog/device-schemas.ts';
import { findDeviceIdsByCode, getDeviceFacts, getPackagingHibccs, type DeviceFacts } from '../catalog/device-queries.ts';
import { upsertDevices } from '../catalog/upsert-devices.ts';
import type { ChunkRowError, ImportKind } from './import-types.ts';
import { PackagingImportRow } from './packaging-row-schema.ts';
import { upsertSkippingBadRows } from './skip-bad-rows.ts';

interface DevicePlan {
  input: DeviceInput;
  /** The file row of each level in `input.packaging`; null for a level kept as stored. */
  rowOfLevel: Array<number | null>;
  rows: number[];
}

/** A device's stored levels (with their HIBCC UDI-DIs) with the file's levels put over them, level by level. */
function planDevice(facts: DeviceFacts, hibccs: ReadonlyMap<string, string> | undefined, rows: ReadonlyArray<{ index: number; row: PackagingImportRow }>): DevicePlan {
  const levels = new Map<string, { level: PackagingInput; index: number | null }>();
  for (const p of facts.packaging) {
    const hibcc = hibccs?.get(p.level);
    levels.set(p.level, { level: { ...p, ...(hibcc ? { hibcc } : {}) }, index: null });
  }
  for (const { index, row: { deviceCode: _code, ...level } } of rows) levels.set(level.level, { level, index });
  const kept = [...levels.values()];
  return {
    input: {
      code: facts.code, nameZh: facts.nameZh, deviceClass: facts.deviceClass, categoryCode: facts.categoryCode,
      storageCondition: facts.storageCondition, trackingMode: facts.trackingMode,
      ...(facts.registrationKind ? { registrationKind: facts.registrationKind } : {}),
      packaging: kept.map((k) => k.level),
    },
    rowOfLevel: kept.map((k) => k.index),
    rows: rows.map((r) => r.index),
  };
}

/** The file row a device's error is about: the level its field names, else the device's first row. */
function blamedRow(plan: DevicePlan, field: string | undefined): number {
  const level = /^packaging\.(\d+)\./.exec(field ?? '')?.[1];
  return (level !== undefined ? plan.rowOfLevel[Number(level)] : null) ?? plan.rows[0]!;
}

/**
 * Packaging levels of existing devices by device code and level: a level in the file replaces
 * the stored one of that level, the device's other levels stay. Written through the catalogue's
 * batch upsert, so GTIN check digits, uniqueness and the whole-number rule between levels hold.
 */
export const packagingKind: ImportKind<PackagingImportRow> = {
  name: 'packaging',
  entity: 'device_packaging',
  permission: 'catalog.write',
  schema: PackagingImportRow,
  keyFields: ['deviceCode', 'level'],
  keyOf: (r) => JSON.stringify([r.deviceCode, r.level]),
  async write(w, _deps, rows, provenance) {
    const ids = await findDeviceIdsByCode(w.tx, rows.map((r) => r.deviceCode));
    const facts = await getDeviceFacts(w.tx, [...ids.values()]);
    const errors: ChunkRowError[] = [];
    const byDevice = new Map<string, Array<{ index: number; row: PackagingImportRow }>>();
    rows.forEach((row, index) => {
      const id = ids.get(row.deviceCode);
      if (id) byDevice.set(id, [...(byDevice.get(id) ?? []), { index, row }]);
      else errors.push({ index, field: 'deviceCode', code: 'NOT_FOUND', message: `no device with code ${row.deviceCode}` });
    });
    const hibccs = await getPackagingHibccs(w.tx, [...byDevice.keys()]);
    const plans = [...byDevice].map(([id, deviceRows]) => planDevice(facts.get(id)!, hibccs.get(id), deviceRows));
    const { result, errors: refused } = await upsertSkippingBadRows(w, plans.map((p) => p.input), (attempt, ok) => upsertDevices(attempt, ok, provenance));
    for (const e of refused) {
      const plan = plans[e.index]!;
      const blamed = blamedRow(plan, e.field);
      errors.push({ ...e, index: blamed, field: e.field?.replace(/^packaging\.\d+\./, '') });
      for (const other of plan.rows.filter((r) => r !== blamed)) {
        errors.push({ index: other, code: e.code, message: `not imported: the levels of device ${plan.input.code} were refused (${e.message})` });
      }
    }
    return { created: 0, updated: result?.updated ?? 0, unchanged: result?.unchanged ?? 0, errors };
  },
};
