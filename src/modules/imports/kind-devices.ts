import { DeviceInput } from '../catalog/device-schemas.ts';
import { upsertDevices } from '../catalog/upsert-devices.ts';
import type { ImportKind } from './import-types.ts';
import { upsertSkippingBadRows } from './skip-bad-rows.ts';

/** Devices by code, with packaging levels as `packaging.N.level/gtin/quantity` columns when given. */
export const devicesKind: ImportKind<DeviceInput> = {
  name: 'devices',
  entity: 'device',
  permission: 'catalog.write',
  schema: DeviceInput,
  keyFields: ['code'],
  keyOf: (r) => r.code,
  async write(w, _deps, rows, provenance) {
    const { result, errors } = await upsertSkippingBadRows(w, rows, (attempt, ok) => upsertDevices(attempt, ok, provenance));
    return { created: result?.created ?? 0, updated: result?.updated ?? 0, unchanged: result?.unchanged ?? 0, errors };
  },
};
