import type { ErrorCode } from '../../platform/errors.ts';
import { lotIneligibility, type LotFacts, type ShelfLifeRule } from '../inventory/lot-eligibility.ts';

/** One picked unit (or count of units of a lot) about to ship, with what invariants 1 and 3 ask of it. */
export interface ShipUnit {
  pickId: string;
  packageId: string;
  packageStatus: string;
  deviceCode: string;
  deviceClass: string;
  trackingMode: 'lot' | 'serial' | 'lot_serial';
  lotId: string | null;
  lotNumber: string | null;
  lot: LotFacts | null;
  serialId: string | null;
  hasCertificate: boolean;
  allocationStatus: string;
}

export interface ShipRefusal {
  code: ErrorCode;
  message: string;
  details: Record<string, unknown>;
}

/**
 * Whether these units may leave (pure): reviewed where the device class needs the outbound
 * review; every unit bound to a lot, and to a serial when the device is serial-tracked, its
 * allocation still live (invariant 3); each lot with its certificate of conformity (invariant 3)
 * and still eligible on the ship date (invariant 1). The first failure is returned, naming the lot.
 */
export function checkShipment(units: readonly ShipUnit[], reviewClasses: ReadonlySet<string>, shipDate: string, shelfLife: ShelfLifeRule): ShipRefusal | null {
  for (const u of units) {
    if (reviewClasses.has(u.deviceClass) && u.packageStatus !== 'reviewed') {
      return { code: 'REVIEW_REQUIRED', message: `a package holds class ${u.deviceClass} device ${u.deviceCode}: it needs the outbound review (出库复核) before it ships`, details: { packageId: u.packageId, deviceClass: u.deviceClass } };
    }
  }
  for (const u of units) {
    if (!u.lotId || !u.lot || (u.trackingMode !== 'lot' && !u.serialId)) {
      return { code: 'UNIT_NOT_BOUND', message: `a unit of ${u.deviceCode} is not bound to a lot${u.trackingMode !== 'lot' ? ' and serial' : ''}`, details: { pickId: u.pickId } };
    }
  }
  for (const u of units) {
    if (!u.hasCertificate) {
      return { code: 'DOCUMENTS_MISSING', message: `lot ${u.lotNumber} of ${u.deviceCode} has no certificate of conformity`, details: { lotId: u.lotId, lot: u.lotNumber, missing: ['certificate_of_conformity'] } };
    }
    const why = lotIneligibility(u.lot!, shipDate, shelfLife);
    if (why) return { code: why, message: `lot ${u.lotNumber} of ${u.deviceCode} may not ship on ${shipDate}: ${why}`, details: { lotId: u.lotId, lot: u.lotNumber, status: u.lot!.status, expiresOn: u.lot!.expiresOn } };
  }
  // Last: a lot recalled or blocked after picking loses its allocations, and that reason comes first.
  const unbound = units.find((u) => u.allocationStatus !== 'open');
  if (unbound) {
    return { code: 'UNIT_NOT_BOUND', message: `a unit of ${unbound.deviceCode} lot ${unbound.lotNumber} lost its allocation (${unbound.allocationStatus}): pick it again`, details: { pickId: unbound.pickId, lot: unbound.lotNumber } };
  }
  return null;
}
