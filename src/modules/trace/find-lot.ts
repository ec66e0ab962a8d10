import type { Sql } from '../../db/types.ts';
import { DomainError } from '../../platform/errors.ts';
import { resolveGtin, type GtinResolution } from '../catalog/device-queries.ts';
import { isValidGtin } from '../udi/check-digit.ts';

/**
 * The device a GTIN of any packaging level names (each, box, case …): a bad GTIN is a 400 on the
 * field that carried it, an unknown one a 404.
 */
export async function deviceOfGtin(tx: Sql, gtin: string, field = 'gtin'): Promise<GtinResolution> {
  if (!isValidGtin(gtin)) throw new DomainError('GTIN_INVALID', `${field}: ${gtin} is not a valid GTIN (8, 12, 13 or 14 digits with its check digit)`, { field });
  const device = await resolveGtin(tx, gtin);
  if (!device) throw new DomainError('SCAN_UNKNOWN_GTIN', `GTIN ${gtin} is not a packaging level of any device`, { field, details: { gtin } });
  return device;
}

/** A lot named by the device (any of its GTINs) and the lot number, as traceLot takes it. */
export interface LotByNumber {
  deviceId: string;
  deviceCode: string;
  lotNumber: string;
}

export async function lotByGtin(tx: Sql, gtin: string, lotNumber: string): Promise<LotByNumber> {
  const device = await deviceOfGtin(tx, gtin);
  return { deviceId: device.deviceId, deviceCode: device.deviceCode, lotNumber };
}
