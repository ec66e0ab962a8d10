import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';
import { doc, Nullable } from '../../platform/schema-doc.ts';
import { CHANNELS, type Channel } from './types.ts';

/** Inputs of price lists and their lines; they validate API bodies and import rows alike. */
export const MAX_MINOR = 999_999_999_999_999;
export const MAX_QUANTITY = 1_000_000_000;

export const Minor = (description: string, zh: string) => Type.Integer({ minimum: 0, maximum: MAX_MINOR, ...doc(description, zh) });

/** A string enum rather than a union of literals: `nullable` needs a `type` beside it. */
export const ChannelSchema = (description: string, zh: string) =>
  Type.Unsafe<Channel>({ type: 'string', enum: [...CHANNELS], ...doc(description, zh) });

export const CurrencySchema = (description: string, zh: string) => Type.String({ pattern: '^[A-Z]{3}$', ...doc(description, zh) });

export const PriceListFields = {
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$', ...doc('price list code, unique', '价目表编码') }),
  name: Type.String({ minLength: 1, maxLength: 200, ...doc('name of the price list', '价目表名称') }),
  currency: CurrencySchema('ISO 4217 currency of every price on the list', '币种'),
  validFrom: DateString(doc('first day the list is valid (inclusive)', '生效日期')),
  validTo: DateString(doc('last day the list is valid (inclusive); empty: open-ended', '失效日期')),
  channel: ChannelSchema('the only order channel the list serves; empty: every channel', '适用渠道'),
  customerId: Type.String({ format: 'uuid', ...doc('the only customer the list serves; empty: every customer', '适用客户') }),
  active: Type.Boolean(doc('an inactive list never prices a line', '是否启用')),
};

export const PriceBreakInput = Type.Object({
  minQuantity: Type.Integer({ minimum: 2, maximum: MAX_QUANTITY, ...doc('from this many base units on, the break price applies', '阶梯起始数量') }),
  unitPriceMinor: Minor('unit price from that quantity on, in minor units (fen, cents) per base unit', '阶梯单价（分）'),
}, doc('a quantity break', '数量阶梯'));
export type PriceBreakInput = Static<typeof PriceBreakInput>;

export const PriceListLineFields = {
  deviceId: Type.String({ format: 'uuid', ...doc('the device priced', '器械') }),
  unitPriceMinor: Minor('base unit price in minor units (fen, cents) per base unit', '单价（分）'),
  floorMinor: Minor('lowest acceptable unit price in minor units; quotes under it are flagged', '最低限价（分）'),
  breaks: Type.Array(PriceBreakInput, { maxItems: 50, ...doc('quantity breaks; the highest reached applies', '数量阶梯价') }),
};

export const PriceListLineInput = Type.Object({
  deviceId: PriceListLineFields.deviceId,
  unitPriceMinor: PriceListLineFields.unitPriceMinor,
  floorMinor: Type.Optional(Nullable(PriceListLineFields.floorMinor)),
  breaks: Type.Optional(PriceListLineFields.breaks),
}, doc('the price of one device on a list', '价目表明细'));
export type PriceListLineInput = Static<typeof PriceListLineInput>;

/** A change to a line; `breaks` replaces all of the line's breaks. */
export const PriceListLineUpdate = Type.Object({
  unitPriceMinor: Type.Optional(PriceListLineFields.unitPriceMinor),
  floorMinor: Type.Optional(Nullable(PriceListLineFields.floorMinor)),
  breaks: Type.Optional(PriceListLineFields.breaks),
}, { minProperties: 1, ...doc('the fields of a line to change', '价目表明细修改') });
export type PriceListLineUpdate = Static<typeof PriceListLineUpdate>;

export const PriceListInput = Type.Object({
  code: PriceListFields.code,
  name: PriceListFields.name,
  currency: PriceListFields.currency,
  validFrom: PriceListFields.validFrom,
  validTo: Type.Optional(Nullable(PriceListFields.validTo)),
  channel: Type.Optional(Nullable(PriceListFields.channel)),
  customerId: Type.Optional(Nullable(PriceListFields.customerId)),
  active: Type.Optional(PriceListFields.active),
  lines: Type.Optional(Type.Array(PriceListLineInput, { maxItems: 2000, ...doc('the device prices', '价目表明细') })),
}, doc('a price list', '价目表'));
export type PriceListInput = Static<typeof PriceListInput>;

export const PriceListUpdate = Type.Object({
  code: Type.Optional(PriceListFields.code),
  name: Type.Optional(PriceListFields.name),
  currency: Type.Optional(PriceListFields.currency),
  validFrom: Type.Optional(PriceListFields.validFrom),
  validTo: Type.Optional(Nullable(PriceListFields.validTo)),
  channel: Type.Optional(Nullable(PriceListFields.channel)),
  customerId: Type.Optional(Nullable(PriceListFields.customerId)),
  active: Type.Optional(PriceListFields.active),
  version: Type.Optional(Type.Integer({ minimum: 1, ...doc('the version read; if the list changed since, the update is refused', '版本号') })),
}, { minProperties: 1, ...doc('the header fields of a price list to change', '价目表修改') });
export type PriceListUpdate = Static<typeof PriceListUpdate>;
