import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';
import { OrderLineInput } from '../orders/order-input.ts';

export const QuoteInput = Type.Object({
  customerId: Type.String({ format: 'uuid', description: 'the customer quoted', 'x-zh': '客户' }),
  shipToId: Type.Optional(Type.String({ format: 'uuid', description: 'ship-to address', 'x-zh': '收货地址' })),
  validUntil: DateString({ description: 'last day the quoted prices hold' }),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
  lines: Type.Array(Type.Omit(OrderLineInput, ['unitPriceMinor', 'requestedDate']), { minItems: 1, maxItems: 500 }),
}, { additionalProperties: false });
export type QuoteInput = Static<typeof QuoteInput>;
