import { daysUntil } from '../format';

/** How far ahead a licence counts as expiring (the licences/expiring window the screens use). */
export const LICENCE_WARNING_DAYS = 60;

/** expired, expiring within the warning window, or fine (no end date = fine). */
export function licenceState(validTo: string | null, today = new Date()): 'expired' | 'expiring' | 'valid' {
  if (validTo === null) return 'valid';
  const d = daysUntil(validTo, today);
  return d < 0 ? 'expired' : d <= LICENCE_WARNING_DAYS ? 'expiring' : 'valid';
}
