import type { Sql } from '../../db/types.ts';
import { DomainError } from '../../platform/errors.ts';
import { findZoneByCode, type ZoneView } from './warehouse-view.ts';

/** The zone a bin names by code: it must be in the bin's warehouse, and active for an active bin. */
export async function zoneForBin(tx: Sql, warehouseId: string, zoneCode: string, binActive: boolean): Promise<ZoneView> {
  const zone = await findZoneByCode(tx, warehouseId, zoneCode);
  if (!zone) throw new DomainError('VALIDATION_FAILED', `zoneCode: the warehouse has no zone ${zoneCode}`, { field: 'zoneCode' });
  if (binActive && !zone.active) throw new DomainError('INVALID_STATE', `zoneCode: zone ${zoneCode} is deactivated`, { field: 'zoneCode' });
  return zone;
}
