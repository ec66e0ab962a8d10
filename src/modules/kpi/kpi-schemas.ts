import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';
import { GROUP_BYS, KPI_NAMES, ORDER_CHANNELS } from './kpi-types.ts';

/** The KPI routes' parameters; the same rules check the CLI's options. */
const doc = (description: string, zh: string) => ({ description, 'x-zh': zh });
const oneOf = <T extends readonly string[]>(values: T, opts: Record<string, unknown>) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v)), opts));

export const KpiParams = Type.Object({
  name: oneOf(KPI_NAMES, doc('which KPI', '指标名称')),
});

export const KpiQuery = Type.Object({
  from: Type.Optional(DateString({ description: 'first day of the period (default: 29 days before `to`)' })),
  to: Type.Optional(DateString({ description: 'last day of the period (default: today)' })),
  groupBy: Type.Optional(oneOf(GROUP_BYS, { default: 'month', ...doc('period of each series point', '序列粒度') })),
  customerId: Type.Optional(Type.String({ format: 'uuid', ...doc('only this customer’s orders', '仅该客户') })),
  channel: Type.Optional(oneOf(ORDER_CHANNELS, doc('only orders from this channel', '仅该渠道'))),
  days: Type.Optional(Type.Integer({ minimum: 0, maximum: 90, default: 7, ...doc('look-ahead days (orders at risk)', '前瞻天数（风险订单）') })),
}, { additionalProperties: false });
export type KpiQueryInput = Static<typeof KpiQuery>;
