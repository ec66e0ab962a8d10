import type { Database } from '../../db/types.ts';
import { DomainError } from '../../platform/errors.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { parseScan } from '../udi/parse-scan.ts';
import type { UdiScan } from '../udi/types.ts';
import { resolveUdiDis, type GtinResolution, type UdiResolution } from './device-queries.ts';
import type { PackagingLevel } from './packaging-rules.ts';
import { udiDiOf, udiDiText } from './udi-di.ts';

export interface ScanResolution {
  scheme: 'GS1' | 'HIBCC';
  /** The GTIN of the packaging level the label names (an HIBCC label's level has one too). */
  gtin: string;
  /** The level's HIBCC UDI-DI, when it has one. */
  hibcc?: string;
  device: Omit<UdiResolution, 'gtin' | 'level' | 'quantity' | 'hibcc'>;
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
  /** Every element string of a GS1 scan, AI → data (none on an HIBCC label). */
  ais?: Record<string, string>;
}

function missingIdentifiers(scan: UdiScan, trackingMode: GtinResolution['trackingMode']): Array<'lot' | 'serial'> {
  const missing: Array<'lot' | 'serial'> = [];
  if (trackingMode !== 'serial' && scan.lot === undefined) missing.push('lot');
  if (trackingMode !== 'lot' && scan.serial === undefined) missing.push('serial');
  return missing;
}

/**
 * Reads a UDI scan and finds the device and packaging level its UDI-DI names: the GTIN of a GS1
 * label, the LIC + product number + unit of measure of an HIBCC one. A scan that does not parse is
 * a 400 with its SCAN_* code; a UDI-DI the catalogue does not know (or a label without one, such as
 * an SSCC-only pallet label or an HIBCC secondary symbol alone) is SCAN_UNKNOWN_GTIN.
 */
export async function resolveScan(db: Database, text: string, opts: { now?: Date } = {}): Promise<ScanResolution> {
  const scan = parseScan(text, opts.now ? { now: opts.now } : {});
  const di = udiDiOf(scan);
  if (di === undefined) {
    const what = scan.scheme === 'GS1' ? 'GTIN (AI 01)' : 'primary data (LIC, product number, unit of measure)';
    throw new DomainError('SCAN_UNKNOWN_GTIN', `the ${scan.scheme} scan carries no ${what} to look up`, { field: 'scan' });
  }
  const found = (await readTx(db, (tx) => resolveUdiDis(tx, [di]))).get(di);
  if (!found) {
    const details = scan.scheme === 'GS1' ? { gtin: di } : { hibcc: di };
    throw new DomainError('SCAN_UNKNOWN_GTIN', `${scan.scheme === 'GS1' ? `GTIN ${di}` : udiDiText(scan)} is not a packaging level of any device`, { field: 'scan', details });
  }
  const { gtin, level, quantity, hibcc, ...device } = found;
  const result: ScanResolution = { scheme: scan.scheme, gtin, device, level, quantity, missing: missingIdentifiers(scan, device.trackingMode) };
  if (hibcc !== null) result.hibcc = hibcc;
  if (scan.scheme === 'GS1') result.ais = scan.ais;
  if (scan.lot !== undefined) result.lot = scan.lot;
  if (scan.expiry !== undefined) result.expiry = scan.expiry;
  if (scan.productionDate !== undefined) result.productionDate = scan.productionDate;
  if (scan.serial !== undefined) result.serial = scan.serial;
  if (scan.quantity !== undefined) result.labelQuantity = scan.quantity;
  return result;
}
