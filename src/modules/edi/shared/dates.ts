/**
 * Dates as EDI writes them (CCYYMMDD, YYMMDD, HHMM) and as Lotline keeps them (YYYY-MM-DD).
 * Envelope stamps are written in UTC: the caller passes `now`, so output is reproducible.
 */

function isCalendarDate(year: number, month: number, day: number): boolean {
  if (month < 1 || month > 12 || day < 1) return false;
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  return day <= daysInMonth;
}

/** `20240131` → `2024-01-31`; null when it is not eight digits naming a day on the calendar. */
export function isoFromCcyymmdd(value: string): string | null {
  if (!/^\d{8}$/.test(value)) return null;
  const [y, m, d] = [value.slice(0, 4), value.slice(4, 6), value.slice(6, 8)];
  return isCalendarDate(Number(y), Number(m), Number(d)) ? `${y}-${m}-${d}` : null;
}

/** `2024-01-31` → `20240131`; null when the input is not a calendar date in that form. */
export function ccyymmddFromIso(iso: string): string | null {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const digits = iso.replaceAll('-', '');
  return isoFromCcyymmdd(digits) === null ? null : digits;
}

/** ISA09 / UNB 0017 (syntax 1–3): a two-digit year, read in this century. */
export function isValidYymmdd(value: string): boolean {
  return /^\d{6}$/.test(value) && isoFromCcyymmdd(`20${value}`) !== null;
}

export function isValidHhmm(value: string): boolean {
  return /^\d{4}$/.test(value) && Number(value.slice(0, 2)) < 24 && Number(value.slice(2, 4)) < 60;
}

export interface EnvelopeStamp {
  ccyymmdd: string;
  yymmdd: string;
  hhmm: string;
}

export function envelopeStamp(now: Date): EnvelopeStamp {
  const ccyymmdd = now.toISOString().slice(0, 10).replaceAll('-', '');
  const hhmm = now.toISOString().slice(11, 16).replace(':', '');
  return { ccyymmdd, yymmdd: ccyymmdd.slice(2), hhmm };
}
