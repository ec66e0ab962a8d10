import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';

export const PERIOD_PATTERN = '^[0-9]{4}-(0[1-9]|1[0-2]|W(0[1-9]|[1-4][0-9]|5[0-3]))$';
export const CHANNEL_PATTERN = '^[a-z][a-z0-9_-]{0,31}$';

const Period = (description: string) => Type.String({ pattern: PERIOD_PATTERN, description, 'x-zh': '期间（月 YYYY-MM 或 ISO 周 YYYY-Www）' });

/** One forecast as an API body and as a CSV row carry it: whose demand, for which device, when, how much. */
export const ForecastRowInput = Type.Object({
  customerId: Type.Optional(Type.String({ format: 'uuid', description: 'the customer whose demand this is', 'x-zh': '客户' })),
  customerCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the customer by code (instead of customerId)', 'x-zh': '客户编码' })),
  channel: Type.Optional(Type.String({ pattern: CHANNEL_PATTERN, description: 'a sales channel code (export, tender …) for demand of no one customer; instead of a customer', 'x-zh': '渠道' })),
  deviceId: Type.Optional(Type.String({ format: 'uuid', description: 'the device', 'x-zh': '器械' })),
  deviceCode: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the device by code (instead of deviceId)', 'x-zh': '器械编码' })),
  period: Period('a month YYYY-MM or an ISO week YYYY-Www'),
  quantity: Type.Integer({ minimum: 0, maximum: 1_000_000_000, description: 'planned quantity in base units', 'x-zh': '预测数量（基本单位）', 'x-unit': 'base unit' }),
}, { additionalProperties: false });
export type ForecastRowInput = Static<typeof ForecastRowInput>;

export const ForecastImportInput = Type.Object({
  forecasts: Type.Array(ForecastRowInput, { minItems: 1, maxItems: 50_000 }),
  dryRun: Type.Optional(Type.Boolean({ description: 'check every row and report, write nothing' })),
  sourceRef: Type.Optional(Type.String({ maxLength: 200, description: 'where the figures come from (file, e-mail …)' })),
});

export const ForecastImportQuery = Type.Object({
  dryRun: Type.Optional(Type.Boolean({ description: 'check every row and report, write nothing' })),
  sourceRef: Type.Optional(Type.String({ maxLength: 200, description: 'the file name, kept as the forecasts’ source' })),
});

const DateOrPeriod = (description: string) =>
  Type.String({ pattern: `^(\\d{4}-\\d{2}-\\d{2}|${PERIOD_PATTERN.slice(1, -1)})$`, description });

export const ForecastQuery = Type.Object({
  customerId: Type.Optional(Type.String({ format: 'uuid' })),
  channel: Type.Optional(Type.String({ pattern: CHANNEL_PATTERN })),
  deviceId: Type.Optional(Type.String({ format: 'uuid' })),
  from: Type.Optional(DateOrPeriod('forecasts whose period ends on or after this day (or the start of this month/week)')),
  to: Type.Optional(DateOrPeriod('forecasts whose period starts on or before this day (or the end of this month/week)')),
  open: Type.Optional(Type.Boolean({ description: 'only forecasts with a remaining quantity' })),
  limit: Type.Optional(Type.Integer({ minimum: 1, maximum: 500, default: 50 })),
  offset: Type.Optional(Type.Integer({ minimum: 0, default: 0 })),
});
export type ForecastQuery = Static<typeof ForecastQuery>;

export const ForecastConvertInput = Type.Object({
  forecastIds: Type.Optional(Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 1000, description: 'the forecasts to convert' })),
  customerId: Type.Optional(Type.String({ format: 'uuid', description: 'with period: every open forecast of this customer in the period' })),
  period: Type.Optional(Period('with customerId: the period to convert')),
  quantities: Type.Optional(Type.Record(Type.String({ format: 'uuid' }), Type.Integer({ minimum: 1, maximum: 1_000_000_000 }), {
    description: 'base units to convert per forecast id (a part); a forecast not named converts all that remains',
  })),
  requestedDate: Type.Optional(DateString({ description: 'requested delivery date of the orders (default: the start of each forecast’s period, when still ahead)' })),
  shipToId: Type.Optional(Type.String({ format: 'uuid', description: 'ship-to address (default: the customer’s default)' })),
  externalPo: Type.Optional(Type.String({ maxLength: 64, description: 'the customer’s purchase order number' })),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export type ForecastConvertInput = Static<typeof ForecastConvertInput>;
