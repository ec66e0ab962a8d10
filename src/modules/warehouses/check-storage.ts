import type { Sql } from '../../db/types.ts';
import { DomainError, notFound } from '../../platform/errors.ts';
import { isUuid } from '../../platform/ids.ts';
import { getDeviceFacts } from '../catalog/device-queries.ts';
import type { StorageCondition } from '../catalog/storage-conditions.ts';
import { storageMismatch } from './storage-allowed.ts';
import type { ZoneRecord } from './warehouse-tables.ts';

export interface BinPlace {
  binId: string;
  binCode: string;
  zoneId: string;
  zoneCode: string;
  zoneType: ZoneRecord['zoneType'];
  storageCondition: StorageCondition;
  warehouseId: string;
  warehouseCode: string;
}

/**
 * May this device be put in this bin? For the inventory module's put-away and moves: NOT_FOUND
 * for an unknown bin or device, INVALID_STATE when the bin, its zone or its warehouse is
 * deactivated, STORAGE_MISMATCH when the zone's storage condition does not suit the device.
 * Returns where the bin is.
 */
export async function checkStorage(tx: Sql, binId: string, deviceId: string): Promise<BinPlace> {
  if (!isUuid(binId)) throw notFound('bin', binId);
  const { rows } = await tx.query<BinPlace & { binActive: boolean; zoneActive: boolean; warehouseActive: boolean }>(
    `SELECT b.id AS "binId", b.code AS "binCode", z.id AS "zoneId", z.code AS "zoneCode", z.zone_type AS "zoneType",
            z.storage_condition AS "storageCondition", w.id AS "warehouseId", w.code AS "warehouseCode",
            b.active AS "binActive", z.active AS "zoneActive", w.active AS "warehouseActive"
       FROM warehouse_bins b JOIN warehouse_zones z ON z.id = b.zone_id JOIN warehouses w ON w.id = b.warehouse_id
      WHERE b.id = $1`,
    [binId],
  );
  const place = rows[0];
  if (!place) throw notFound('bin', binId);
  const device = (await getDeviceFacts(tx, [deviceId])).get(deviceId);
  if (!device) throw notFound('device', deviceId);
  const { binActive, zoneActive, warehouseActive, ...where } = place;
  const inactive = !warehouseActive ? `warehouse ${where.warehouseCode}` : !zoneActive ? `zone ${where.zoneCode}` : !binActive ? `bin ${where.binCode}` : null;
  if (inactive) throw new DomainError('INVALID_STATE', `${inactive} is deactivated`, { field: 'binId', details: where });
  const mismatch = storageMismatch(where.storageCondition, device);
  if (mismatch) {
    throw new DomainError('STORAGE_MISMATCH', `device ${device.code} in bin ${where.binCode}: ${mismatch}`, {
      field: 'binId',
      details: { ...where, deviceId, deviceCode: device.code, deviceCondition: device.storageCondition },
    });
  }
  return where;
}
