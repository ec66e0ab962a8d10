import {
  daysInMonth,
  isHour,
  isLeapYear,
  isoDate,
  pad2,
  parseIsoDate,
  yearFromTwoDigits,
} from './gs1-dates.ts';

/**
 * The expiry date formats of HIBCC secondary data. After '$$' a month digit (0 or 1) starts an
 * MMYY date; the flags 2–6 announce the others, 7 announces no date. Two-digit years resolve by
 * the GS1 sliding window, the same rule as every other two-digit year in Lotline.
 */
export type HibccDateFormat = 'MMYY' | 'MMDDYY' | 'YYMMDD' | 'YYMMDDHH' | 'YYJJJ' | 'YYJJJHH';

/** The flag after '$$' (and its quantity) that announces each format. */
export const HIBCC_DATE_FLAGS: Readonly<Record<HibccDateFormat, string>> = {
  MMYY: '', // none: the month's first digit, 0 or 1, sets MMYY apart from the flags
  MMDDYY: '2',
  YYMMDD: '3',
  YYMMDDHH: '4',
  YYJJJ: '5',
  YYJJJHH: '6',
};

const FORMAT_BY_FLAG: ReadonlyMap<string, HibccDateFormat> = new Map(
  (Object.entries(HIBCC_DATE_FLAGS) as [HibccDateFormat, string][])
    .filter(([, flag]) => flag !== '')
    .map(([format, flag]) => [flag, format]),
);

/** The format a character after '$$' (and its quantity) starts, if any. */
export function hibccDateFormatAt(char: string): HibccDateFormat | undefined {
  return char === '0' || char === '1' ? 'MMYY' : FORMAT_BY_FLAG.get(char);
}

export const HIBCC_DATE_LENGTHS: Readonly<Record<HibccDateFormat, number>> = {
  MMYY: 4,
  MMDDYY: 6,
  YYMMDD: 6,
  YYMMDDHH: 8,
  YYJJJ: 5,
  YYJJJHH: 7,
};

/**
 * A date of `format` as 'YYYY-MM-DD', or undefined when impossible. MMYY reads as the last day of
 * the month, the day through which a month-only expiry lets the product be used; the hour of
 * the HH formats is checked but not kept, as Lotline's expiry is a date.
 */
export function hibccDateToIso(text: string, format: HibccDateFormat, now: Date): string | undefined {
  if (text.length !== HIBCC_DATE_LENGTHS[format] || !/^\d+$/.test(text)) return undefined;
  const number = (from: number, to: number): number => Number(text.slice(from, to));
  switch (format) {
    case 'MMYY': {
      const year = yearFromTwoDigits(number(2, 4), now);
      const month = number(0, 2);
      return month >= 1 && month <= 12 ? isoDate({ year, month, day: daysInMonth(year, month) }) : undefined;
    }
    case 'MMDDYY':
      return isoDate({ year: yearFromTwoDigits(number(4, 6), now), month: number(0, 2), day: number(2, 4) });
    case 'YYMMDD':
    case 'YYMMDDHH':
      if (format === 'YYMMDDHH' && !isHour(text.slice(6, 8))) return undefined;
      return isoDate({ year: yearFromTwoDigits(number(0, 2), now), month: number(2, 4), day: number(4, 6) });
    case 'YYJJJ':
    case 'YYJJJHH':
      if (format === 'YYJJJHH' && !isHour(text.slice(5, 7))) return undefined;
      return dayOfYearToIso(yearFromTwoDigits(number(0, 2), now), number(2, 5));
  }
}

function dayOfYearToIso(year: number, dayOfYear: number): string | undefined {
  if (dayOfYear < 1 || dayOfYear > (isLeapYear(year) ? 366 : 365)) return undefined;
  let month = 1;
  let day = dayOfYear;
  while (day > daysInMonth(year, month)) day -= daysInMonth(year, month++);
  return isoDate({ year, month, day });
}

/**
 * A 'YYYY-MM-DD' date written in `format` (hour 00), for encoders; undefined when the format cannot
 * express it: MMYY only a month's last day, and no format a year outside the sliding window.
 */
export function isoToHibccDate(iso: string, format: HibccDateFormat, now: Date): string | undefined {
  const date = parseIsoDate(iso);
  if (!date || yearFromTwoDigits(date.year % 100, now) !== date.year) return undefined;
  const yy = pad2(date.year % 100);
  const mm = pad2(date.month);
  const dd = pad2(date.day);
  const jjj = String(dayOfYear(date.year, date.month, date.day)).padStart(3, '0');
  switch (format) {
    case 'MMYY':
      return date.day === daysInMonth(date.year, date.month) ? mm + yy : undefined;
    case 'MMDDYY':
      return mm + dd + yy;
    case 'YYMMDD':
      return yy + mm + dd;
    case 'YYMMDDHH':
      return `${yy}${mm}${dd}00`;
    case 'YYJJJ':
      return yy + jjj;
    case 'YYJJJHH':
      return `${yy}${jjj}00`;
  }
}

function dayOfYear(year: number, month: number, day: number): number {
  let days = day;
  for (let m = 1; m < month; m++) days += daysInMonth(year, m);
  return days;
}
