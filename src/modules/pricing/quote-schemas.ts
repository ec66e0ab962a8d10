import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';
import { ChannelSchema, MAX_QUANTITY } from './price-list-schemas.ts';
import { doc } from '../../platform/schema-doc.ts';

export const QuoteRequest = Type.Object({
  customerId: Type.String({ format: 'uuid', ...doc('the customer to quote for', '客户') }),
  channel: Type.Optional(ChannelSchema('the order channel; without it only channel-neutral prices apply', '下单渠道')),
  date: Type.Optional(DateString(doc('the day prices must be valid on; today by default', '报价日期'))),
  lines: Type.Array(
    Type.Object({
      deviceId: Type.String({ format: 'uuid', ...doc('the device', '器械') }),
      quantity: Type.Integer({ minimum: 1, maximum: MAX_QUANTITY, ...doc('quantity in base units', '数量（基本单位）') }),
    }),
    { minItems: 1, maxItems: 1000, ...doc('the lines to price', '报价明细') },
  ),
}, doc('a price quote request', '报价请求'));
export type QuoteRequest = Static<typeof QuoteRequest>;
