import type { Sql } from '../../db/types.ts';
import { DomainError, invalid, isDomainError } from '../../platform/errors.ts';
import { resolveGtins } from '../catalog/device-queries.ts';
import { parseScan } from '../udi/parse-scan.ts';
import type { UdiScan } from '../udi/types.ts';
import { lotKey } from './lot-records.ts';

/** Units of one lot as a receipt takes them, from scans or typed lines; `field` names the input. */
export interface ReceivedLine {
  deviceId: string;
  lotNumber: string;
  /** null when the label carries none: taken from the known lot, or manufacture date + shelf life. */
  expiresOn: string | null;
  manufacturedOn: string | null;
  supplierLot: string | null;
  quantity: number;
  serials: string[];
  field: string;
}

function parseAt(scan: string, i: number, now: Date): UdiScan {
  try {
    return parseScan(scan, { now });
  } catch (e) {
    if (isDomainError(e)) throw new DomainError(e.code, `scans.${i}: ${e.message}`, { field: `scans.${i}`, details: e.details });
    throw e;
  }
}

/**
 * Reads the scanned labels of a receipt: each GTIN gives the device and how many base units the
 * package holds (a case of 10 counts 10; a count on the label, AI 30/37, multiplies it), the
 * label gives lot, expiry, production date and serial. Scans of one lot add up to one line. A
 * serial-tracked device is scanned unit by unit, each label with its serial, each serial once.
 */
export async function linesFromScans(tx: Sql, scans: readonly string[], now: Date): Promise<ReceivedLine[]> {
  const parsed = scans.map((s, i) => parseAt(s, i, now));
  const found = await resolveGtins(tx, parsed.map((p) => (p.scheme === 'GS1' ? p.gtin ?? '' : '')));
  const lines = new Map<string, ReceivedLine>();
  const seenSerials = new Map<string, number>();
  parsed.forEach((scan, i) => {
    const field = `scans.${i}`;
    const gtin = scan.scheme === 'GS1' ? scan.gtin : undefined;
    const level = gtin ? found.get(gtin) : undefined;
    if (!gtin) throw new DomainError('SCAN_UNKNOWN_GTIN', `${field}: the ${scan.scheme} label carries no GTIN (AI 01) to find the device by`, { field });
    if (!level) throw new DomainError('SCAN_UNKNOWN_GTIN', `${field}: GTIN ${gtin} is not a packaging level of any device`, { field, details: { gtin } });
    if (scan.lot === undefined) throw invalid(field, `the label carries no lot (AI 10); receive ${level.deviceCode} by lines with its lot number`);
    const serialTracked = level.trackingMode !== 'lot';
    if (serialTracked && scan.serial === undefined) throw invalid(field, `${level.deviceCode} is serial-tracked: the label carries no serial (AI 21)`);
    if (serialTracked && level.quantity * (scan.quantity ?? 1) !== 1) {
      throw invalid(field, `${level.deviceCode} is serial-tracked: scan each unit's own label, not a ${level.level} of ${level.quantity}`);
    }
    const key = lotKey(level.deviceId, scan.lot);
    const line = lines.get(key) ?? { deviceId: level.deviceId, lotNumber: scan.lot, expiresOn: null, manufacturedOn: null, supplierLot: null, quantity: 0, serials: [], field };
    if (scan.expiry !== undefined && line.expiresOn !== null && line.expiresOn !== scan.expiry) {
      throw invalid(field, `lot ${scan.lot} was scanned with expiry ${line.expiresOn} and now ${scan.expiry}`);
    }
    line.expiresOn = scan.expiry ?? line.expiresOn;
    line.manufacturedOn = scan.productionDate ?? line.manufacturedOn;
    line.quantity += level.quantity * (scan.quantity ?? 1);
    if (serialTracked) {
      const serialKey = `${level.deviceId}/${scan.serial}`;
      const earlier = seenSerials.get(serialKey);
      if (earlier !== undefined) throw new DomainError('DUPLICATE', `${field}: serial ${scan.serial} was already scanned (scans.${earlier})`, { field });
      seenSerials.set(serialKey, i);
      line.serials.push(scan.serial!);
    }
    lines.set(key, line);
  });
  return [...lines.values()];
}
