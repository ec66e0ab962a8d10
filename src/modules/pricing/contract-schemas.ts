import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';
import { ChannelSchema, CurrencySchema, Minor } from './price-list-schemas.ts';
import { doc, Nullable } from '../../platform/schema-doc.ts';

/** Inputs of customer contracts: net device prices and/or a discount on a price list. */
export const ContractFields = {
  contractNo: Type.String({ minLength: 1, maxLength: 60, pattern: '^[A-Za-z0-9._/-]+$', ...doc('contract number, unique', '合同编号') }),
  customerId: Type.String({ format: 'uuid', ...doc('the customer the contract is with', '客户') }),
  channel: ChannelSchema('the only order channel the contract serves; empty: every channel', '适用渠道'),
  currency: CurrencySchema('ISO 4217 currency of the contract prices; the customer’s currency by default', '币种'),
  validFrom: DateString(doc('first day the contract is valid (inclusive)', '生效日期')),
  validTo: DateString(doc('last day the contract is valid (inclusive); empty: open-ended', '失效日期')),
  priceListId: Type.String({ format: 'uuid', ...doc('the price list the discount is limited to; empty: any list', '折扣适用的价目表') }),
  discountBp: Type.Integer({ minimum: 0, maximum: 10_000, ...doc('discount on list prices in basis points (850 = 8.5 %)', '折扣（基点，850 = 8.5%）') }),
  discountPercent: Type.String({ pattern: '^\\d{1,3}(\\.\\d{1,2})?$', ...doc('discount on list prices as a decimal percentage ("8.5"), instead of discountBp', '折扣百分比（如 8.5）') }),
  active: Type.Boolean(doc('an inactive contract never prices a line', '是否启用')),
};

export const ContractDevicePrice = Type.Object({
  deviceId: Type.String({ format: 'uuid', ...doc('the device priced', '器械') }),
  unitPriceMinor: Minor('net unit price in minor units (fen, cents) per base unit', '合同单价（分）'),
}, doc('a contract price of one device', '合同价明细'));
export type ContractDevicePrice = Static<typeof ContractDevicePrice>;

const prices = Type.Array(ContractDevicePrice, { maxItems: 5000, ...doc('net prices per device; on update the whole set is replaced', '合同价明细') });

export const ContractPriceInput = Type.Object({
  contractNo: ContractFields.contractNo,
  customerId: ContractFields.customerId,
  channel: Type.Optional(Nullable(ContractFields.channel)),
  currency: Type.Optional(ContractFields.currency),
  validFrom: ContractFields.validFrom,
  validTo: Type.Optional(Nullable(ContractFields.validTo)),
  priceListId: Type.Optional(Nullable(ContractFields.priceListId)),
  discountBp: Type.Optional(Nullable(ContractFields.discountBp)),
  discountPercent: Type.Optional(ContractFields.discountPercent),
  active: Type.Optional(ContractFields.active),
  prices: Type.Optional(prices),
}, doc('a customer contract: net device prices and/or a discount on list prices', '客户合同价'));
export type ContractPriceInput = Static<typeof ContractPriceInput>;

export const ContractUpdate = Type.Object({
  contractNo: Type.Optional(ContractFields.contractNo),
  channel: Type.Optional(Nullable(ContractFields.channel)),
  currency: Type.Optional(ContractFields.currency),
  validFrom: Type.Optional(ContractFields.validFrom),
  validTo: Type.Optional(Nullable(ContractFields.validTo)),
  priceListId: Type.Optional(Nullable(ContractFields.priceListId)),
  discountBp: Type.Optional(Nullable(ContractFields.discountBp)),
  discountPercent: Type.Optional(ContractFields.discountPercent),
  active: Type.Optional(ContractFields.active),
  prices: Type.Optional(prices),
  version: Type.Optional(Type.Integer({ minimum: 1, ...doc('the version read; if the contract changed since, the update is refused', '版本号') })),
}, { minProperties: 1, ...doc('the fields of a contract to change', '合同修改') });
export type ContractUpdate = Static<typeof ContractUpdate>;
