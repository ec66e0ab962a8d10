import { DomainError, invalid } from '../../platform/errors.ts';

/** A shipment line as the returns rule sees it: what left, and how much of it may still come back. */
export interface ShippedUnit {
  shipmentLineId: number;
  deviceId: string;
  lotId: string;
  lotNumber: string;
  serialId: string | null;
  serial: string | null;
  /** Shipped, less what came back, less what open RMAs already expect. */
  available: number;
}

export interface RequestedReturn {
  deviceId: string;
  lotNumber: string;
  serial?: string | undefined;
  quantity: number;
}

export interface MatchedReturn {
  /** Index of the requested line. */
  index: number;
  shipmentLineId: number;
  deviceId: string;
  lotId: string;
  serialId: string | null;
  quantity: number;
}

const refuse = (field: string, message: string): DomainError => new DomainError('RETURN_NOT_AUTHORISED', `${field}: ${message}`, { field });

/**
 * Only what was shipped to that customer can come back: each requested line must name a device,
 * lot (and serial, where the shipment line carries one) of the shipment, for at most what is
 * still out there. A line may draw on several shipment lines of the same lot (several packages);
 * lines asking for the same lot share what is available. Pure: refuses with the field named.
 */
export function matchReturnLines(requested: readonly RequestedReturn[], shipped: readonly ShippedUnit[]): MatchedReturn[] {
  const left = new Map(shipped.map((s) => [s.shipmentLineId, s.available]));
  return requested.flatMap((r, index) => {
    const at = (f: string) => `lines[${index}].${f}`;
    const ofDevice = shipped.filter((s) => s.deviceId === r.deviceId);
    if (ofDevice.length === 0) throw refuse(at('deviceId'), 'this device was not shipped to the customer on this shipment');
    const ofLot = ofDevice.filter((s) => s.lotNumber === r.lotNumber);
    if (ofLot.length === 0) throw refuse(at('lotNumber'), `lot ${r.lotNumber} of this device was not shipped on this shipment`);
    const serialTracked = ofLot.some((s) => s.serialId !== null);
    if (serialTracked) {
      if (r.serial === undefined) throw invalid(at('serial'), 'the device is serial-tracked: name the serial returned');
      if (r.quantity !== 1) throw invalid(at('quantity'), 'a serial is one unit');
    } else if (r.serial !== undefined) {
      throw invalid(at('serial'), 'the device was shipped by lot only: give no serial');
    }
    const candidates = serialTracked ? ofLot.filter((s) => s.serial === r.serial) : ofLot;
    if (candidates.length === 0) throw refuse(at('serial'), `serial ${r.serial} of lot ${r.lotNumber} was not shipped on this shipment`);
    const free = candidates.reduce((n, s) => n + left.get(s.shipmentLineId)!, 0);
    if (free < r.quantity) {
      throw refuse(at('quantity'), `only ${free} unit(s) of lot ${r.lotNumber}${r.serial ? ` serial ${r.serial}` : ''} may still come back (shipped, less returned or already authorised)`);
    }
    let wanted = r.quantity;
    const out: MatchedReturn[] = [];
    for (const s of candidates) {
      const take = Math.min(wanted, left.get(s.shipmentLineId)!);
      if (take === 0) continue;
      left.set(s.shipmentLineId, left.get(s.shipmentLineId)! - take);
      out.push({ index, shipmentLineId: s.shipmentLineId, deviceId: s.deviceId, lotId: s.lotId, serialId: s.serialId, quantity: take });
      wanted -= take;
      if (wanted === 0) break;
    }
    return out;
  });
}
