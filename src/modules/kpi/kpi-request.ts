import type { Actor } from '../../platform/actor.ts';
import { invalid } from '../../platform/errors.ts';
import { customerFilter } from '../../platform/org-scope.ts';
import { BUSINESS_TIME_ZONE, localToday } from '../orders/business-day.ts';
import { addDays } from '../inventory/promise-date.ts';
import type { KpiRequest } from './kpi-types.ts';
import type { KpiQueryInput } from './kpi-schemas.ts';
import { daysBetween } from './kpi-math.ts';

/** Longest period one request may cover: ten years of days. */
const MAX_DAYS = 3660;

/**
 * Checked query → the request the KPIs run with; a backwards or too long period is refused. An
 * actor limited to some customers (a territory) gets the KPIs of those customers; without an actor
 * (the CLI, run by the operator) every customer counts.
 */
export function kpiRequest(input: KpiQueryInput, now: Date, actor?: Actor): KpiRequest {
  const today = localToday(now);
  const to = input.to ?? (input.from && input.from > today ? input.from : today);
  const from = input.from ?? addDays(to, -29);
  if (from > to) throw invalid('from', `the period starts (${from}) after it ends (${to})`);
  if (daysBetween(from, to) > MAX_DAYS) throw invalid('to', `a period may cover at most ${MAX_DAYS} days`);
  return {
    from, to, groupBy: input.groupBy ?? 'month', customerId: input.customerId ?? null, channel: input.channel ?? null,
    days: input.days ?? 7, today, timeZone: BUSINESS_TIME_ZONE, customerIds: actor ? customerFilter(actor) : null,
  };
}
