import type { Database } from '../../db/types.ts';
import { DomainError } from '../../platform/errors.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { parseScan } from '../udi/parse-scan.ts';
import type { UdiScan } from '../udi/types.ts';
import { resolveGtin, type GtinResolution } from './device-queries.ts';
import type { PackagingLevel } from './packaging-rules.ts';

export interface ScanResolution {
  scheme: 'GS1';
  gtin: string;
  device: Omit<GtinResolution, 'gtin' | 'level' | 'quantity'>;
  level: PackagingLevel;
  /** Base units in one package of the scanned level. */
  quantity: number;
  lot?: string;
  expiry?: string;
  productionDate?: string;
  serial?: string;
  /** The count a logistic or variable-count label states, AI (37) or (30). */
  labelQuantity?: number;
  /** Production identifiers the device's tracking mode needs that the label does not carry. */
  missing: Array<'lot' | 'serial'>;
  /** Every element string of the scan, AI → data. */
  ais: Record<string, string>;
}

function missingIdentifiers(scan: UdiScan, trackingMode: GtinResolution['trackingMode']): Array<'lot' | 'serial'> {
  const missing: Array<'lot' | 'serial'> = [];
  if (trackingMode !== 'serial' && scan.lot === undefined) missing.push('lot');
  if (trackingMode !== 'lot' && scan.serial === undefined) missing.push('serial');
  return missing;
}

/**
 * Reads a UDI scan and finds the device and packaging level its GTIN names. A scan that does not
 * parse is a 400 with its SCAN_* code; a GTIN the catalogue does not know (or a label without one,
 * such as HIBCC or an SSCC-only pallet label) is SCAN_UNKNOWN_GTIN.
 */
export async function resolveScan(db: Database, text: string, opts: { now?: Date } = {}): Promise<ScanResolution> {
  const scan = parseScan(text, opts.now ? { now: opts.now } : {});
  if (scan.scheme !== 'GS1' || scan.gtin === undefined) {
    throw new DomainError('SCAN_UNKNOWN_GTIN', `the ${scan.scheme} scan carries no GTIN (AI 01) to look up`, { field: 'scan' });
  }
  const gtin = scan.gtin;
  const found = await readTx(db, (tx) => resolveGtin(tx, gtin));
  if (!found) {
    throw new DomainError('SCAN_UNKNOWN_GTIN', `GTIN ${gtin} is not a packaging level of any device`, { field: 'scan', details: { gtin } });
  }
  const { gtin: _g, level, quantity, ...device } = found;
  const result: ScanResolution = {
    scheme: 'GS1', gtin, device, level, quantity, missing: missingIdentifiers(scan, device.trackingMode), ais: scan.ais,
  };
  if (scan.lot !== undefined) result.lot = scan.lot;
  if (scan.expiry !== undefined) result.expiry = scan.expiry;
  if (scan.productionDate !== undefined) result.productionDate = scan.productionDate;
  if (scan.serial !== undefined) result.serial = scan.serial;
  if (scan.quantity !== undefined) result.labelQuantity = scan.quantity;
  return result;
}
