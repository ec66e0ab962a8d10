import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';

/** A line as any channel hands it in: a device (by id, code or GTIN) and a quantity in a unit. */
export const OrderLineInput = Type.Object({
  deviceId: Type.Optional(Type.String({ format: 'uuid', description: 'the device', 'x-zh': '器械' })),
  deviceCode: Type.Optional(Type.String({ maxLength: 64, description: 'the device code (instead of deviceId)', 'x-zh': '器械编码' })),
  gtin: Type.Optional(Type.String({ pattern: '^[0-9]{8,14}$', description: 'a packaging GTIN (instead of deviceId); its level sets the unit', 'x-zh': '包装GTIN' })),
  quantity: Type.Integer({ minimum: 1, maximum: 10_000_000, description: 'how many of the unit', 'x-zh': '数量' }),
  uom: Type.Optional(Type.String({ maxLength: 8, description: 'unit: EA/each (base unit), BX/box, CA/case, PL/pallet', 'x-zh': '单位' })),
  unitPriceMinor: Type.Optional(Type.Integer({ minimum: 0, description: 'the price the buyer states, minor units per base unit', 'x-zh': '客户报价（分）' })),
  requestedDate: Type.Optional(DateString({ description: 'requested delivery date of this line' })),
  buyerItem: Type.Optional(Type.String({ maxLength: 64, description: 'the buyer’s own item code', 'x-zh': '客户物料号' })),
  notes: Type.Optional(Type.String({ maxLength: 1000 })),
});
export type OrderLineInput = Static<typeof OrderLineInput>;

export const OrderInput = Type.Object({
  customerId: Type.String({ format: 'uuid', description: 'the ordering customer', 'x-zh': '客户' }),
  shipToId: Type.Optional(Type.String({ format: 'uuid', description: 'ship-to address (default: the customer’s default ship-to)', 'x-zh': '收货地址' })),
  billToId: Type.Optional(Type.String({ format: 'uuid', description: 'bill-to address', 'x-zh': '开票地址' })),
  carrierServiceId: Type.Optional(Type.String({ format: 'uuid', description: 'shipping method: a carrier service', 'x-zh': '承运服务' })),
  externalPo: Type.Optional(Type.String({ maxLength: 64, description: 'the customer’s purchase order number', 'x-zh': '客户采购单号' })),
  requestedDate: Type.Optional(DateString({ description: 'requested delivery date' })),
  priority: Type.Optional(Type.Integer({ minimum: 1, maximum: 5, description: '1 = most urgent', 'x-zh': '优先级' })),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'ISO currency (default: the customer’s)', 'x-zh': '币种' })),
  incoterms: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', description: 'Incoterms 2020 code (EXW, FCA, DAP …)', 'x-zh': '贸易术语' })),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
  submit: Type.Optional(Type.Boolean({ description: 'submit at once (default true); false keeps a draft', 'x-zh': '是否提交' })),
  lines: Type.Array(OrderLineInput, { minItems: 1, maxItems: 10_000 }),
});
export type OrderInput = Static<typeof OrderInput>;

export type Channel = 'api' | 'console' | 'edi' | 'portal' | 'forecast' | 'quote';
