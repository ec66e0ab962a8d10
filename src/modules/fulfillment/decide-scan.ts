import type { ErrorCode } from '../../platform/errors.ts';
import { lotIneligibility, type LotFacts, type ShelfLifeRule } from '../inventory/lot-eligibility.ts';
import { refusalText, type RefusalReason } from './scan-messages.ts';

/** What the label said, and what the catalogue says its UDI-DI (GTIN or HIBCC) is. */
export interface ScanFacts {
  /** The label's UDI-DI as a refusal shows it (udiDiText). */
  gtin?: string;
  lot?: string;
  expiry?: string;
  serial?: string;
  /** The device and packaging level the UDI-DI names; null when it names none. */
  packaging: { deviceId: string; level: string; quantity: number } | null;
  /** Packages (or loose units of a lot-tracked each) the picker counts with this one scan. */
  quantity?: number;
}

export interface PickLineFacts {
  lineId: string;
  deviceId: string;
  deviceCode: string;
  trackingMode: 'lot' | 'serial' | 'lot_serial';
  lotId: string;
  binId: string;
  /** quantity − picked */
  remaining: number;
  shelfLife: ShelfLifeRule;
}

/** The lot the scan names (by lot number, or the serial's lot), with free units per saleable bin of the warehouse. */
export interface ScannedLot extends LotFacts {
  id: string;
  lotNumber: string;
  bins: ReadonlyArray<{ binId: string; free: number }>;
}

export interface SerialFacts {
  id: string;
  lotId: string | null;
  status: string;
  binId: string | null;
}

export type ScanDecision =
  | { accept: true; lineId: string; lotId: string; binId: string; quantity: number; serialId: string | null; substitute: boolean }
  | { accept: false; code: ErrorCode; reason: RefusalReason; field: string; en: string; zh: string; details: Record<string, string | number> };

const refuse = (code: ErrorCode, reason: RefusalReason, details: Record<string, string | number>, field = 'scan'): ScanDecision =>
  ({ accept: false, code, reason, field, ...refusalText(reason, details), details });

const dayNumber = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/**
 * Judges one scan against a pick list's open lines (functional core of scan-to-pick). The unit
 * must be a device of the list, of the allocated lot or of a lot that may replace it (invariant 1
 * on the ship date and the customer's shelf life, with free stock to allocate), its serial (when
 * tracked) in stock and of that lot, and never more units than remain on the line. An accepted
 * scan names the line, lot, bin and units; `substitute` means the allocation must be re-bound.
 */
export function decideScan(
  scan: ScanFacts,
  lines: readonly PickLineFacts[],
  found: { lot: ScannedLot | null; serial: SerialFacts | null },
  ctx: { shipDate: string; deviceCode: string },
): ScanDecision {
  const device = ctx.deviceCode;
  if (!scan.packaging) return refuse('SCAN_WRONG_DEVICE', 'unknown_device', { gtin: scan.gtin ?? '—' });
  const ofDevice = lines.filter((l) => l.deviceId === scan.packaging!.deviceId);
  if (ofDevice.length === 0) return refuse('SCAN_WRONG_DEVICE', 'wrong_device', { device });
  const open = ofDevice.filter((l) => l.remaining > 0);
  if (open.length === 0) return refuse('INVALID_STATE', 'line_complete', { device });

  const tracking = open[0]!.trackingMode;
  const serialTracked = tracking !== 'lot';
  let units: number;
  if (serialTracked) {
    if (scan.packaging.quantity !== 1) return refuse('SCAN_WRONG_DEVICE', 'serial_per_unit', { device });
    if (scan.quantity !== undefined && scan.quantity !== 1) return refuse('VALIDATION_FAILED', 'serial_quantity', {}, 'quantity');
    if (scan.serial === undefined) return refuse('SERIAL_UNAVAILABLE', 'serial_missing', { device });
    const s = found.serial;
    if (!s) return refuse('SERIAL_UNAVAILABLE', 'serial_unknown', { serial: scan.serial });
    if (s.status !== 'in_stock' || s.binId === null) return refuse('SERIAL_UNAVAILABLE', 'serial_taken', { serial: scan.serial, status: s.status });
    units = 1;
  } else {
    units = scan.packaging.quantity * (scan.quantity ?? 1);
  }

  if (tracking !== 'serial' && scan.lot === undefined) return refuse('SCAN_WRONG_LOT', 'lot_missing', { device });
  const lot = found.lot;
  if (!lot) return refuse('SCAN_WRONG_LOT', 'lot_unknown', { device, lot: scan.lot ?? '—' });
  if (serialTracked && found.serial!.lotId !== lot.id) return refuse('SERIAL_UNAVAILABLE', 'serial_other_lot', { serial: scan.serial!, lot: lot.lotNumber });
  if (scan.expiry !== undefined && dayNumber(scan.expiry) <= dayNumber(ctx.shipDate)) {
    return refuse('LOT_EXPIRED', 'label_expired', { expiry: scan.expiry, shipDate: ctx.shipDate });
  }

  const sameLot = open.filter((l) => l.lotId === lot.id && (!serialTracked || l.binId === found.serial!.binId));
  const line = sameLot.find((l) => l.remaining >= units) ?? (sameLot.length ? undefined : open.find((l) => l.remaining >= units));
  if (!line) {
    const remaining = (sameLot.length ? sameLot : open).reduce((m, l) => Math.max(m, l.remaining), 0);
    return refuse('INVALID_STATE', 'over_pick', { units, remaining }, scan.quantity !== undefined ? 'quantity' : 'scan');
  }
  const why = lotIneligibility(lot, ctx.shipDate, line.shelfLife);
  if (why) return refuse(why, why, { lot: lot.lotNumber, expiry: lot.expiresOn, shipDate: ctx.shipDate, status: lot.status });

  const serialId = serialTracked ? found.serial!.id : null;
  // A serial of the allocated lot found in another bin re-binds like a substitute: stock leaves the bin that held it.
  if (line.lotId === lot.id && (!serialTracked || line.binId === found.serial!.binId)) {
    return { accept: true, lineId: line.lineId, lotId: lot.id, binId: line.binId, quantity: units, serialId, substitute: false };
  }
  const bin = serialTracked
    ? lot.bins.find((b) => b.binId === found.serial!.binId && b.free >= units)
    : lot.bins.find((b) => b.free >= units);
  if (!bin) return refuse('SCAN_WRONG_LOT', 'no_free_stock', { lot: lot.lotNumber, units });
  return { accept: true, lineId: line.lineId, lotId: lot.id, binId: bin.binId, quantity: units, serialId, substitute: true };
}
