import { ApiError, buildUrl } from '../api/client';
import type { Bilingual } from '../api/views';

// The KPI answer of GET /api/v1/kpi/:name (src/modules/kpi/kpi-types.ts KpiAnswer); only the fields read.

export type KpiUnit = 'ratio' | 'hours' | 'units' | 'orders' | 'lines' | 'holds' | 'days';

export interface KpiAnswer {
  kpi: string;
  unit: KpiUnit;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  series: { period: string; value: number | null; numerator: number; denominator: number }[];
  breakdown: { key: string; value: number | null; numerator: number | null; denominator: number | null }[];
  snapshot: boolean;
  formula: Bilingual;
}

export interface KpiFilters {
  from: string;
  to: string;
  groupBy: 'day' | 'week' | 'month';
  customerId: string;
  channel: string;
}

/** src/modules/kpi/kpi-types.ts ORDER_CHANNELS. */
export const CHANNELS = ['api', 'console', 'edi', 'portal', 'forecast', 'quote'] as const;

/** One KPI for the period and filters. The route is newer than the generated client, so it is called directly. */
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
