import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';
import { ChannelSchema, CurrencySchema, MAX_QUANTITY, Minor } from './price-list-schemas.ts';
import { doc, Nullable } from '../../platform/schema-doc.ts';

/**
 * One row of a price-list import. Natural key: price list code + device code + min quantity; min
 * quantity 1 (the default) is the base price, a higher one a quantity break. The header columns
 * are needed only when the price list does not exist yet; existing headers are left as they are.
 */
export const PriceListImportRow = Type.Object({
  priceListCode: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$', ...doc('price list code', '价目表编码') }),
  deviceCode: Type.String({ minLength: 1, maxLength: 64, ...doc('device code from the catalogue', '器械编码') }),
  minQuantity: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_QUANTITY, ...doc('1 for the base price, more for a quantity break', '起始数量') })),
  unitPriceMinor: Minor('unit price in minor units (fen, cents) per base unit', '单价（分）'),
  floorMinor: Type.Optional(Nullable(Minor('lowest acceptable unit price in minor units (base-price rows only)', '最低限价（分）'))),
  priceListName: Type.Optional(Type.String({ minLength: 1, maxLength: 200, ...doc('price list name, for a new list', '价目表名称') })),
  currency: Type.Optional(CurrencySchema('ISO 4217 currency, for a new list', '币种')),
  validFrom: Type.Optional(DateString(doc('first valid day, for a new list', '生效日期'))),
  validTo: Type.Optional(Nullable(DateString(doc('last valid day, for a new list; empty: open-ended', '失效日期')))),
  channel: Type.Optional(Nullable(ChannelSchema('order channel, for a new list; empty: every channel', '适用渠道'))),
}, doc('one price of a device on a price list', '价目表导入行'));
export type PriceListImportRow = Static<typeof PriceListImportRow>;
