/**
 * GS1 date and time fields (GS1 General Specifications 7.12), and the calendar helpers the HIBCC
 * parser shares. Dates leave this module as 'YYYY-MM-DD' strings (DESIGN.md §9).
 */

export interface CalendarDate {
  year: number;
  month: number;
  day: number;
}

const DAYS_IN_MONTH = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];

export const isLeapYear = (year: number): boolean => year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0);

/** Days in `month` (1–12) of `year`, by arithmetic: Date.UTC would read years 0–99 as 1900–1999. */
export function daysInMonth(year: number, month: number): number {
  return month === 2 && isLeapYear(year) ? 29 : (DAYS_IN_MONTH[month - 1] ?? 0);
}

/** 'YYYY-MM-DD' for a date that exists, otherwise undefined (30 February, month 13 …). */
export function isoDate({ year, month, day }: CalendarDate): string | undefined {
  if (!Number.isInteger(year) || year < 0 || year > 9999) return undefined;
  if (month < 1 || month > 12 || day < 1 || day > daysInMonth(year, month)) return undefined;
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

export function parseIsoDate(iso: string): CalendarDate | undefined {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(iso);
  if (!match) return undefined;
  const date = { year: Number(match[1]), month: Number(match[2]), day: Number(match[3]) };
  return isoDate(date) === iso ? date : undefined;
}

/**
 * The full year of a two-digit year by the GS1 sliding window: relative to the current year, a
 * difference of 51…99 falls in the previous century and −99…−50 in the next, so labels reach 49
 * years back and 50 years ahead of `now`.
 */
export function yearFromTwoDigits(yy: number, now: Date): number {
  const currentYear = now.getUTCFullYear();
  const century = currentYear - (currentYear % 100);
  const difference = yy - (currentYear % 100);
  if (difference >= 51) return century - 100 + yy;
  if (difference <= -50) return century + 100 + yy;
  return century + yy;
}

/**
 * How a day of 00 reads: for AIs of format `yymmd0` (production, expiry, best-before … dates) it
 * is the last day of the month; in all other GS1 dates it is invalid.
 */
export type DayZero = 'month-end' | 'invalid';

/** A GS1 YYMMDD field as 'YYYY-MM-DD', or undefined when no such date exists. */
export function gs1DateToIso(yymmdd: string, now: Date, dayZero: DayZero): string | undefined {
  if (!/^\d{6}$/.test(yymmdd)) return undefined;
  const year = yearFromTwoDigits(Number(yymmdd.slice(0, 2)), now);
  const month = Number(yymmdd.slice(2, 4));
  let day = Number(yymmdd.slice(4, 6));
  if (day === 0 && dayZero === 'month-end' && month >= 1 && month <= 12) day = daysInMonth(year, month);
  return isoDate({ year, month, day });
}

/** A YYYYMMDD field (AI 7250 date of birth, HIBCC /14D and /16D) as 'YYYY-MM-DD', or undefined. */
export function yyyymmddToIso(yyyymmdd: string): string | undefined {
  if (!/^\d{8}$/.test(yyyymmdd)) return undefined;
  return isoDate({
    year: Number(yyyymmdd.slice(0, 4)),
    month: Number(yyyymmdd.slice(4, 6)),
    day: Number(yyyymmdd.slice(6, 8)),
  });
}

/** Hours 00–23, minutes and seconds 00–59. */
export const isHour = (hh: string): boolean => /^\d{2}$/.test(hh) && Number(hh) <= 23;
export const isMinuteOrSecond = (mm: string): boolean => /^\d{2}$/.test(mm) && Number(mm) <= 59;

/**
 * The YYMMDD form of a 'YYYY-MM-DD' date, for encoders; undefined when the date does not exist or
 * its year would read back in another century at `now` (the sliding window cannot express it).
 */
export function isoToYymmdd(iso: string, now: Date): string | undefined {
  const date = parseIsoDate(iso);
  if (!date || yearFromTwoDigits(date.year % 100, now) !== date.year) return undefined;
  return pad2(date.year % 100) + pad2(date.month) + pad2(date.day);
}

export const pad2 = (n: number): string => String(n).padStart(2, '0');
