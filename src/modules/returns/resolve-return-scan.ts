import type { Sql } from '../../db/types.ts';
import { DomainError, invalid } from '../../platform/errors.ts';
import { resolveGtin } from '../catalog/device-queries.ts';
import { parseScan } from '../udi/parse-scan.ts';

export interface ScannedUnit {
  deviceId: string;
  deviceCode: string;
  trackingMode: string;
  gtin: string;
  /** Base units in one package of the scanned level. */
  perPackage: number;
  lot: string | null;
  serial: string | null;
  expiry: string | null;
  productionDate: string | null;
}

/**
 * A UDI scan read by the UDI parser and its GTIN (the UDI-DI) found in the catalogue. Bad scans
 * keep their SCAN_* code, on the field given.
 */
export async function resolveReturnScan(tx: Sql, scan: string, field = 'scan'): Promise<ScannedUnit> {
  let parsed;
  try {
    parsed = parseScan(scan);
  } catch (e) {
    if (e instanceof DomainError) throw new DomainError(e.code, e.message, { field, details: e.details, cause: e });
    throw e;
  }
  if (parsed.scheme !== 'GS1' || parsed.gtin === undefined) {
    throw new DomainError('SCAN_UNKNOWN_GTIN', `${field}: the ${parsed.scheme} label carries no GTIN (AI 01) to find the device by`, { field });
  }
  const level = await resolveGtin(tx, parsed.gtin);
  if (!level) throw new DomainError('SCAN_UNKNOWN_GTIN', `${field}: GTIN ${parsed.gtin} is not a packaging level of any device`, { field, details: { gtin: parsed.gtin } });
  if (level.trackingMode !== 'serial' && parsed.lot === undefined) throw invalid(field, 'the label carries no lot (AI 10)');
  return {
    deviceId: level.deviceId, deviceCode: level.deviceCode, trackingMode: level.trackingMode, gtin: parsed.gtin, perPackage: level.quantity,
    lot: parsed.lot ?? null, serial: parsed.serial ?? null, expiry: parsed.expiry ?? null, productionDate: parsed.productionDate ?? null,
  };
}
