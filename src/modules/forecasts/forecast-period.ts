/**
 * Forecast periods: a calendar month 'YYYY-MM' or an ISO 8601 week 'YYYY-Www' (weeks start on
 * Monday; week 1 holds the year's first Thursday, so 2026-W01 starts on 2025-12-29). Pure.
 */
export type PeriodKind = 'month' | 'week';

export interface Period {
  period: string;
  kind: PeriodKind;
  /** First day, 'YYYY-MM-DD'. */
  start: string;
  /** Last day, 'YYYY-MM-DD'. */
  end: string;
}

const MONTH = /^(\d{4})-(\d{2})$/;
const WEEK = /^(\d{4})-W(\d{2})$/;
const DAY = /^\d{4}-\d{2}-\d{2}$/;

const iso = (d: Date): string => d.toISOString().slice(0, 10);
const utc = (y: number, m: number, d: number): Date => new Date(Date.UTC(y, m, d));

/** Monday of ISO week 1 of `year`. */
function isoWeekOneMonday(year: number): Date {
  const jan4 = utc(year, 0, 4);
  const weekday = (jan4.getUTCDay() + 6) % 7; // Monday = 0
  return utc(year, 0, 4 - weekday);
}

/** 52 or 53: a year has 53 ISO weeks when it starts on a Thursday, or is a leap year starting on a Wednesday. */
export function isoWeeksInYear(year: number): number {
  const next = isoWeekOneMonday(year + 1).getTime();
  return Math.round((next - isoWeekOneMonday(year).getTime()) / (7 * 86_400_000));
}

/** The period a text names, or null when it is no month or ISO week (2026-13, 2026-W54, 2025-W53 …). */
export function parsePeriod(text: string): Period | null {
  const m = MONTH.exec(text);
  if (m) {
    const [year, month] = [Number(m[1]), Number(m[2])];
    if (month < 1 || month > 12) return null;
    return { period: text, kind: 'month', start: iso(utc(year, month - 1, 1)), end: iso(utc(year, month, 0)) };
  }
  const w = WEEK.exec(text);
  if (w) {
    const [year, week] = [Number(w[1]), Number(w[2])];
    if (week < 1 || week > isoWeeksInYear(year)) return null;
    const monday = isoWeekOneMonday(year);
    monday.setUTCDate(monday.getUTCDate() + (week - 1) * 7);
    const sunday = new Date(monday);
    sunday.setUTCDate(sunday.getUTCDate() + 6);
    return { period: text, kind: 'week', start: iso(monday), end: iso(sunday) };
  }
  return null;
}

function validDay(text: string): boolean {
  if (!DAY.test(text)) return false;
  const d = new Date(`${text}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && iso(d) === text;
}

/**
 * A bound of a date range given as a day, a month or an ISO week: `from` takes the first day of a
 * period, `to` its last. Null when the text is none of the three.
 */
export function boundOf(text: string, side: 'from' | 'to'): string | null {
  if (validDay(text)) return text;
  const p = parsePeriod(text);
  if (!p) return null;
  return side === 'from' ? p.start : p.end;
}

export const overlaps = (a: { start: string; end: string }, b: { start: string; end: string }): boolean =>
  a.start <= b.end && b.start <= a.end;
