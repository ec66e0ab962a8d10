import { isDomainError } from '../../platform/errors.ts';
import { encodeGs1, type EncodedGs1 } from '../udi/encode-gs1.ts';

export interface UnitIdentity {
  /** The each-level (unit of use) GTIN. */
  gtin: string | null;
  expiresOn: string | null;
  lotNumber: string | null;
  serial: string | null;
}

/**
 * The UDI of a shipped unit as its label carries it: GS1 element string from the each-level
 * GTIN, expiry, lot and serial. A lot number GS1 cannot carry (received by typing, not by scan)
 * gives no UDI rather than failing the whole trace.
 */
export function udiOfUnit(u: UnitIdentity): EncodedGs1 | null {
  if (u.gtin === null) return null;
  try {
    return encodeGs1({
      gtin: u.gtin,
      ...(u.expiresOn === null ? {} : { expiry: u.expiresOn }),
      ...(u.lotNumber === null ? {} : { lot: u.lotNumber }),
      ...(u.serial === null ? {} : { serial: u.serial }),
    });
  } catch (e) {
    if (isDomainError(e)) return null;
    throw e;
  }
}
