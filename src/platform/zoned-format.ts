/**
 * A date (and, asked for, the hour) in a time zone, as 'en-CA' parts (YYYY-MM-DD). Building an
 * Intl.DateTimeFormat costs far more than using one, and every order asks: one is kept per zone.
 */
const formats = new Map<string, Intl.DateTimeFormat>();

export function zonedDateFormat(timeZone: string, withHour = false): Intl.DateTimeFormat {
  const key = `${timeZone}|${withHour}`;
  let format = formats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(withHour ? { hour: '2-digit', hourCycle: 'h23' as const } : {}),
    });
    formats.set(key, format);
  }
  return format;
}
