/** A work centre's normal week and its dated exceptions (holidays, extra or fewer shifts). */
export interface CentreCalendar {
  workingWeekdays: readonly number[];
  shifts: number;
  minutesPerShift: number;
  /** By date: the day's shifts × minutes (0 on a holiday). */
  exceptions: ReadonlyMap<string, number>;
}

/** ISO weekday of a 'YYYY-MM-DD' date: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (date: string): number => {
  const day = new Date(`${date}T00:00:00Z`).getUTCDay();
  return day === 0 ? 7 : day;
};

/** Working minutes of the centre on the date: the exception of that date, else its normal week. */
export function capacityOn(cal: CentreCalendar, date: string): number {
  const exception = cal.exceptions.get(date);
  if (exception !== undefined) return exception;
  return cal.workingWeekdays.includes(isoWeekday(date)) ? cal.shifts * cal.minutesPerShift : 0;
}
