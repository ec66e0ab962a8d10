import { addDays } from '../inventory/promise-date.ts';

export interface ComponentLotExpiry {
  lotId: string;
  expiresOn: string;
}

export type OutputExpiry = { expiresOn: string; cappedBy: string | null } | { error: 'NO_SHELF_LIFE' };

/**
 * The expiry of a lot made today: manufacture date + the device's shelf life, but never later
 * than the earliest expiry among the component lots issued to it (a kit or an assembly cannot
 * outlive the sterile barrier or reagent inside it). Without a shelf life the earliest component
 * expiry is the expiry; with neither, there is no date to give.
 */
export function outputExpiry(manufacturedOn: string, shelfLifeDays: number | null, components: readonly ComponentLotExpiry[]): OutputExpiry {
  const own = shelfLifeDays === null ? null : addDays(manufacturedOn, shelfLifeDays);
  const earliest = components.reduce<ComponentLotExpiry | null>((a, c) => (a === null || c.expiresOn < a.expiresOn ? c : a), null);
  if (own === null && earliest === null) return { error: 'NO_SHELF_LIFE' };
  if (earliest !== null && (own === null || earliest.expiresOn < own)) return { expiresOn: earliest.expiresOn, cappedBy: earliest.lotId };
  return { expiresOn: own!, cappedBy: null };
}
