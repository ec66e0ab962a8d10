import { DomainError, invalid } from '../../platform/errors.ts';
import type { DeviceFacts } from '../catalog/device-queries.ts';
import type { ReceiptLineInput } from './inventory-schemas.ts';
import { lotKey, type LotHead } from './lot-records.ts';
import { addDays } from './promise-date.ts';
import type { ReceivedLine } from './scan-receipt-lines.ts';

export type CompleteLine = ReceivedLine & { expiresOn: string };

/** Typed receipt lines in the shape scans produce. */
export const typedReceiptLines = (lines: readonly ReceiptLineInput[]): ReceivedLine[] =>
  lines.map((l, i) => ({
    deviceId: l.deviceId, lotNumber: l.lotNumber, expiresOn: l.expiresOn, manufacturedOn: l.manufacturedOn ?? null,
    supplierLot: l.supplierLot ?? null, quantity: l.quantity, serials: l.serials ?? [], field: `lines.${i}`,
  }));

/** A typed line's error names the field inside it; a scan's names the scan. */
const at = (line: ReceivedLine, sub: string): string => (line.field.startsWith('lines.') ? `${line.field}.${sub}` : line.field);

function checkSerials(line: ReceivedLine, device: DeviceFacts, seen: Set<string>): void {
  const tracked = device.trackingMode !== 'lot';
  if (!tracked && line.serials.length > 0) throw invalid(at(line, 'serials'), `${device.code} is tracked by lot only: give no serials`);
  if (tracked && line.serials.length !== line.quantity) {
    throw invalid(at(line, 'serials'), `${device.code} is serial-tracked: one serial per unit (${line.quantity} units, ${line.serials.length} serials)`);
  }
  for (const s of line.serials) {
    if (seen.has(`${line.deviceId}/${s}`)) throw new DomainError('DUPLICATE', `${at(line, 'serials')}: serial ${s} is given twice`, { field: at(line, 'serials') });
    seen.add(`${line.deviceId}/${s}`);
  }
}

function expiryOf(line: ReceivedLine, device: DeviceFacts, known: LotHead | undefined): string {
  if (known) {
    if (line.expiresOn !== null && line.expiresOn !== known.expiresOn) {
      throw invalid(at(line, 'expiresOn'), `lot ${line.lotNumber} of ${device.code} is recorded with expiry ${known.expiresOn}, not ${line.expiresOn}`);
    }
    return known.expiresOn;
  }
  if (line.expiresOn !== null) return line.expiresOn;
  if (line.manufacturedOn !== null && device.shelfLifeDays !== null) return addDays(line.manufacturedOn, device.shelfLifeDays);
  throw invalid(at(line, 'expiresOn'), `lot ${line.lotNumber} is new and the label carries no expiry (AI 17): receive it by lines with its expiry date`);
}

/**
 * Checks receipt lines against the devices and the lots already known, and fills in expiry dates
 * the labels lack: the known lot's, or manufacture date + the device's shelf life. Refuses an
 * unknown or inactive device, serials that do not match the tracking mode, an expiry that
 * contradicts the known lot, and goods already expired on arrival.
 */
export function completeReceiptLines(
  lines: readonly ReceivedLine[],
  devices: ReadonlyMap<string, DeviceFacts>,
  known: ReadonlyMap<string, LotHead>,
  today: string,
): CompleteLine[] {
  const seen = new Set<string>();
  const expiries = new Map<string, string>();
  return lines.map((line) => {
    const device = devices.get(line.deviceId);
    if (!device) throw invalid(at(line, 'deviceId'), `no device ${line.deviceId}`);
    if (!device.active) throw invalid(at(line, 'deviceId'), `device ${device.code} is inactive`);
    checkSerials(line, device, seen);
    const key = lotKey(line.deviceId, line.lotNumber);
    const expiresOn = expiryOf(line, device, known.get(key));
    if ((expiries.get(key) ?? expiresOn) !== expiresOn) {
      throw invalid(at(line, 'expiresOn'), `lot ${line.lotNumber} is given with two expiry dates: ${expiries.get(key)} and ${expiresOn}`);
    }
    expiries.set(key, expiresOn);
    if (line.manufacturedOn !== null && line.manufacturedOn > expiresOn) {
      throw invalid(at(line, 'manufacturedOn'), `manufactured ${line.manufacturedOn}, after its expiry ${expiresOn}`);
    }
    if (expiresOn <= today) throw new DomainError('LOT_EXPIRED', `${at(line, 'expiresOn')}: lot ${line.lotNumber} expired on ${expiresOn}`, { field: at(line, 'expiresOn') });
    return { ...line, expiresOn };
  });
}
