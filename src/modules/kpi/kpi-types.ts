/** The KPI answer every route, the CLI and the console read (README.md in this folder). */
export const KPI_NAMES = [
  'otif', 'perfect-order-rate', 'order-error-rate', 'order-cycle-time', 'auto-confirmed-share', 'holds-by-type-age',
  'on-time-preparation', 'inventory-by-expiry', 'orders-by-channel', 'inventory-structure', 'lot-quality', 'wip',
  'orders-at-risk',
] as const;
export type KpiName = (typeof KPI_NAMES)[number];

export const GROUP_BYS = ['day', 'week', 'month'] as const;
export type GroupBy = (typeof GROUP_BYS)[number];

export const ORDER_CHANNELS = ['api', 'console', 'edi', 'portal', 'forecast', 'quote'] as const;

export interface KpiPeriod {
  from: string;
  to: string;
  groupBy: GroupBy;
}

export interface KpiFilters {
  customerId: string | null;
  channel: string | null;
}

export interface KpiRequest extends KpiPeriod, KpiFilters {
  /** Look-ahead in days (orders at risk). */
  days: number;
  /** A territory user's customers (null: no limit): the KPIs about customers count only theirs. */
  customerIds: string[] | null;
  /** The business day the snapshot KPIs are taken on. */
  today: string;
  timeZone: string;
}

export interface Bilingual {
  en: string;
  zh: string;
}

export interface KpiPoint {
  period: string;
  value: number | null;
  numerator: number;
  denominator: number;
}

export interface KpiRow {
  key: string;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  details?: Record<string, number | null>;
}

export type KpiUnit = 'ratio' | 'hours' | 'units' | 'orders' | 'lines' | 'holds' | 'days';

/** What a KPI computes from its rows; the request's period and filters are added around it. */
export interface KpiResult {
  unit: KpiUnit;
  value: number | null;
  numerator: number | null;
  denominator: number | null;
  series: KpiPoint[];
  breakdown: KpiRow[];
  items?: Array<Record<string, unknown>>;
}

export interface KpiAnswer extends KpiResult {
  kpi: KpiName;
  from: string;
  to: string;
  groupBy: GroupBy;
  filters: KpiFilters;
  /** True when the KPI is a snapshot taken today and the period does not select its rows. */
  snapshot: boolean;
  /** True when computed over a territory user's customers only, not the whole company. */
  restricted: boolean;
  formula: Bilingual;
}
