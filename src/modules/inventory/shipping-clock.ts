import { BUSINESS_TIME_ZONE, localToday } from '../orders/business-day.ts';
import { earliestShipDate } from './promise-date.ts';

/** Orders allocated after this local hour ship the next day (the day's last carrier pick-up). */
export const SHIP_CUTOFF_HOUR = 15;

/** The business day and the first day goods can still leave, as of `now`. */
export const shippingDates = (now: Date = new Date()): { today: string; earliestShipDate: string } => ({
  today: localToday(now),
  earliestShipDate: earliestShipDate(now, SHIP_CUTOFF_HOUR, BUSINESS_TIME_ZONE),
});
