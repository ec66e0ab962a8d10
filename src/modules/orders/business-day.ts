/**
 * The business day of an event, as a date: Lotline's users work in China Standard Time, so an
 * order entered at 07:30 Beijing time belongs to that day, not to yesterday in UTC.
 */
export const BUSINESS_TIME_ZONE = process.env.LOTLINE_TIME_ZONE || 'Asia/Shanghai';

// Building a DateTimeFormat costs far more than formatting with one; intake asks on every order.
const formats = new Map<string, Intl.DateTimeFormat>();

export function localToday(now: Date = new Date(), timeZone = BUSINESS_TIME_ZONE): string {
  let format = formats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' });
    formats.set(timeZone, format);
  }
  return format.format(now);
}
