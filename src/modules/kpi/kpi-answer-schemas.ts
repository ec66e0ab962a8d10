import { Type } from 'typebox';
import { Answer, Bilingual, DateString, Nullable } from '../../platform/http/schemas.ts';

/** The answer of GET /api/v1/kpi/:name (kpi-types.ts KpiAnswer). */
export const KpiUnitSchema = Type.Union(['ratio', 'hours', 'units', 'orders', 'lines', 'holds', 'days'].map((u) => Type.Literal(u)));

export const KpiAnswerSchema = Answer(Type.Object({
  kpi: Type.String(),
  from: DateString(),
  to: DateString(),
  groupBy: Type.Union([Type.Literal('day'), Type.Literal('week'), Type.Literal('month')]),
  filters: Type.Object({ customerId: Nullable(Type.String()), channel: Nullable(Type.String()) }),
  snapshot: Type.Boolean({ description: 'a snapshot taken today: the period does not select its rows' }),
  restricted: Type.Boolean({ description: 'computed over a territory user’s customers only' }),
  formula: Bilingual,
  unit: KpiUnitSchema,
  value: Nullable(Type.Number()),
  numerator: Nullable(Type.Number()),
  denominator: Nullable(Type.Number()),
  series: Type.Array(Type.Object({ period: Type.String(), value: Nullable(Type.Number()), numerator: Type.Number(), denominator: Type.Number() })),
  breakdown: Type.Array(Type.Object({
    key: Type.String(),
    value: Nullable(Type.Number()),
    numerator: Nullable(Type.Number()),
    denominator: Nullable(Type.Number()),
    details: Type.Optional(Type.Record(Type.String(), Nullable(Type.Number()))),
  })),
  items: Type.Optional(Type.Array(Type.Record(Type.String(), Type.Unknown()))),
}));
