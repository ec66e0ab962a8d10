import { zonedDateFormat } from '../../platform/zoned-format.ts';

/**
 * The business day of an event, as a date: Lotline's users work in China Standard Time, so an
 * order entered at 07:30 Beijing time belongs to that day, not to yesterday in UTC.
 */
export const BUSINESS_TIME_ZONE = process.env.LOTLINE_TIME_ZONE || 'Asia/Shanghai';

export function localToday(now: Date = new Date(), timeZone = BUSINESS_TIME_ZONE): string {
  return zonedDateFormat(timeZone).format(now);
}
