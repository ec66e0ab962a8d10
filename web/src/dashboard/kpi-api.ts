import { ApiError, buildUrl, type Answer } from '../api/client';

/** The answer of GET /api/v1/kpi/:name as the route declares it (src/modules/kpi/kpi-answer-schemas.ts). */
export type KpiAnswer = Answer<'get', '/api/v1/kpi/{name}'>;
export type KpiUnit = KpiAnswer['unit'];

export interface KpiFilters {
  from: string;
  to: string;
  groupBy: 'day' | 'week' | 'month';
  customerId: string;
  channel: string;
}

/** src/modules/kpi/kpi-types.ts ORDER_CHANNELS. */
export const CHANNELS = ['api', 'console', 'edi', 'portal', 'forecast', 'quote'] as const;

/** One KPI for the period and filters; the filters' empty strings are left out of the query. */
export async function fetchKpi(name: string, f: KpiFilters): Promise<KpiAnswer> {
  const res = await fetch(buildUrl('/api/v1/kpi/{name}', { name }, f), { credentials: 'same-origin' });
  const body = (await res.json().catch(() => null)) as
    (KpiAnswer & { error?: { code: string; message: string; field?: string } }) | null;
  if (res.ok && body) return body;
  throw new ApiError(
    res.status,
    body?.error?.code ?? `HTTP_${res.status}`,
    body?.error?.message ?? res.statusText,
    body?.error?.field,
  );
}

/** A KPI value as people read it: ratios as percentages, the rest as numbers with one decimal at most. */
export function kpiNumber(value: number | null, unit: KpiUnit): number | null {
  if (value === null) return null;
  return unit === 'ratio' ? Math.round(value * 1000) / 10 : Math.round(value * 10) / 10;
}
