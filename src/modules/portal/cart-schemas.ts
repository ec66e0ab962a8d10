import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';

export const CartLineInput = Type.Object({
  deviceId: Type.String({ format: 'uuid', description: 'a device of the portal catalogue', 'x-zh': '器械' }),
  quantity: Type.Integer({ minimum: 0, maximum: 1_000_000, description: 'how many of the unit; 0 removes the line', 'x-zh': '数量（0 = 删除）' }),
  uom: Type.Optional(Type.String({ maxLength: 8, description: 'unit: EA (base unit, default), BX, CA or PL', 'x-zh': '单位' })),
}, { additionalProperties: false });
export type CartLineInput = Static<typeof CartLineInput>;

export const CartSubmitInput = Type.Object({
  cartId: Type.Optional(Type.String({ format: 'uuid', description: 'the cart submitted (default: the user’s latest)', 'x-zh': '购物车' })),
  externalPo: Type.Optional(Type.String({ maxLength: 64, description: 'the hospital’s purchase order number', 'x-zh': '采购单号' })),
  requestedDate: Type.Optional(DateString({ description: 'requested delivery date' })),
  shipToId: Type.Optional(Type.String({ format: 'uuid', description: 'one of the hospital’s ship-to addresses (default: its default one)', 'x-zh': '收货地址' })),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
}, { additionalProperties: false });
export type CartSubmitInput = Static<typeof CartSubmitInput>;
