/**
 * Invariant 1 as a pure rule: a lot may be allocated or shipped only when it is released, is not
 * expired on the ship date, is not recalled, and leaves at least the shelf life the customer
 * requires on the day it ships.
 */
export type LotStatus = 'quarantine' | 'released' | 'blocked' | 'recalled' | 'expired' | 'rejected';

export interface LotFacts {
  status: LotStatus;
  expiresOn: string;
  manufacturedOn: string | null;
}

export interface ShelfLifeRule {
  minDays: number | null;
  /** Minimum share of the total shelf life (manufacture → expiry) still left, in percent. */
  minPct: number | null;
}

export type Ineligibility = 'LOT_NOT_RELEASED' | 'LOT_RECALLED' | 'LOT_EXPIRED' | 'SHELF_LIFE_TOO_SHORT';

const dayNumber = (d: string): number => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** The earliest expiry a lot may have to be sent to this customer on `shipDate`. */
export function minimumExpiry(shipDate: string, rule: ShelfLifeRule, lot?: Pick<LotFacts, 'manufacturedOn' | 'expiresOn'>): number {
  let min = dayNumber(shipDate) + 1; // expiring on the ship date is already expired
  if (rule.minDays !== null) min = Math.max(min, dayNumber(shipDate) + rule.minDays);
  if (rule.minPct !== null && lot?.manufacturedOn) {
    const total = dayNumber(lot.expiresOn) - dayNumber(lot.manufacturedOn);
    min = Math.max(min, dayNumber(shipDate) + Math.ceil((total * rule.minPct) / 100));
  }
  return min;
}

export function lotIneligibility(lot: LotFacts, shipDate: string, rule: ShelfLifeRule): Ineligibility | null {
  if (lot.status === 'recalled') return 'LOT_RECALLED';
  if (lot.status === 'expired' || dayNumber(lot.expiresOn) <= dayNumber(shipDate)) return 'LOT_EXPIRED';
  if (lot.status !== 'released') return 'LOT_NOT_RELEASED';
  if (dayNumber(lot.expiresOn) < minimumExpiry(shipDate, rule, lot)) return 'SHELF_LIFE_TOO_SHORT';
  return null;
}
