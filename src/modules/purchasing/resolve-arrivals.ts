import type { Sql } from '../../db/types.ts';
import { DomainError, invalid, isDomainError } from '../../platform/errors.ts';
import { resolveGtins } from '../catalog/device-queries.ts';
import { parseScan } from '../udi/parse-scan.ts';
import type { UdiScan } from '../udi/types.ts';
import type { PoReceiptLineInput } from './purchasing-schemas.ts';

/** One input line of a purchase receipt, read: its device and units, and how inventory receives it. */
export interface Arrival {
  index: number;
  field: string;
  deviceId: string;
  lotNumber: string | null;
  quantity: number;
  /** A scanned line: the label repeated once per package it brings. */
  scans: string[] | null;
}

const TYPED = ['deviceId', 'lotNumber', 'expiresOn', 'manufacturedOn', 'serials'] as const;

function parseAt(scan: string, field: string, now: Date): UdiScan {
  try {
    return parseScan(scan, { now });
  } catch (e) {
    if (isDomainError(e)) throw new DomainError(e.code, `${field}: ${e.message}`, { field, details: e.details });
    throw e;
  }
}

/**
 * Reads each receipt line before anything is received: a scan through the UDI parser and the
 * catalogue (its GTIN gives the device and the units in one package; the quantity, in base units,
 * must be whole packages, default one), a typed line as given. Errors name the input line.
 */
export async function resolveArrivals(tx: Sql, lines: readonly PoReceiptLineInput[], now: Date): Promise<Arrival[]> {
  const parsed = lines.map((l, i) => {
    if (l.scan === undefined) {
      for (const f of ['deviceId', 'lotNumber', 'expiresOn', 'quantity'] as const) {
        if (l[f] === undefined) throw invalid(`lines.${i}.${f}`, 'required for a line without a scan');
      }
      return null;
    }
    const extra = TYPED.find((f) => l[f] !== undefined);
    if (extra) throw invalid(`lines.${i}.${extra}`, 'a scanned line takes its device, lot and dates from the label: give only scan and quantity');
    return parseAt(l.scan, `lines.${i}.scan`, now);
  });
  const found = await resolveGtins(tx, parsed.map((p) => (p?.scheme === 'GS1' ? p.gtin ?? '' : '')));
  return lines.map((l, i): Arrival => {
    const field = `lines.${i}`;
    const scan = parsed[i];
    if (!scan) return { index: i, field, deviceId: l.deviceId!, lotNumber: l.lotNumber!, quantity: l.quantity!, scans: null };
    const gtin = scan.scheme === 'GS1' ? scan.gtin : undefined;
    const level = gtin ? found.get(gtin) : undefined;
    if (!level) throw new DomainError('SCAN_UNKNOWN_GTIN', `${field}.scan: ${gtin ? `GTIN ${gtin} is not a packaging level of any device` : 'the label carries no GTIN (AI 01)'}`, { field: `${field}.scan`, details: { gtin } });
    const perPackage = level.quantity * (scan.quantity ?? 1);
    const quantity = l.quantity ?? perPackage;
    if (quantity % perPackage !== 0) {
      throw invalid(`${field}.quantity`, `the scanned ${level.level} holds ${perPackage} units: ${quantity} is not a whole number of packages`);
    }
    if (quantity / perPackage > 5000) throw invalid(`${field}.quantity`, 'at most 5000 packages per scanned line');
    return { index: i, field, deviceId: level.deviceId, lotNumber: scan.lot ?? null, quantity, scans: Array<string>(quantity / perPackage).fill(l.scan!) };
  });
}
