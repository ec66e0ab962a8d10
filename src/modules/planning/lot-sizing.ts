import type { PlanItem } from './planning-types.ts';

/** Minutes of one working day when a make lead time is derived from the routing (one 8-hour shift). */
export const MINUTES_PER_DAY = 480;

export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

/** The order quantity for a net requirement: at least the minimum, rounded up to the multiple. */
export function orderQuantity(net: number, item: Pick<PlanItem, 'minOrderQty' | 'orderMultiple'>): number {
  const atLeast = Math.max(net, item.minOrderQty);
  const multiple = Math.max(1, item.orderMultiple);
  return Math.ceil(atLeast / multiple) * multiple;
}

/**
 * Days from start to due. The planner's override wins. Make: the routing's minutes for the
 * quantity over one shift a day (rounded up), else the device's lead time. Buy: the device's lead
 * time plus incoming inspection. Calendar days: the work-centre calendar is the scheduler's job.
 */
export function leadDays(item: PlanItem, quantity: number): number {
  if (item.makeOrBuy === 'make') {
    if (item.leadTimeOverride !== null) return item.leadTimeOverride;
    if (item.routing) return Math.ceil((item.routing.setupMinutes + item.routing.runMinutesPerUnit * quantity) / MINUTES_PER_DAY);
    return item.deviceLeadTimeDays ?? 0;
  }
  return (item.leadTimeOverride ?? item.deviceLeadTimeDays ?? 0) + item.inspectionDays;
}
