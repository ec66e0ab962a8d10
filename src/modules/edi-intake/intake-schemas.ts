import { Type, type Static } from 'typebox';
import { DateString, PageQuery } from '../../platform/http/schemas.ts';

export const EDI_OUTCOMES = ['accepted', 'accepted_with_errors', 'partially_rejected', 'rejected'] as const;

export const InboundQuery = Type.Object({
  fileName: Type.Optional(Type.String({ minLength: 1, maxLength: 255, description: 'the name of the file, kept with the interchange', 'x-zh': '文件名' })),
});

export const InterchangeQuery = Type.Object({
  sender: Type.Optional(Type.String({ minLength: 1, maxLength: 64, description: 'the sender id (ISA06 / UNB S002)', 'x-zh': '发送方标识' })),
  outcome: Type.Optional(Type.Union(EDI_OUTCOMES.map((o) => Type.Literal(o)), { description: 'what the acknowledgement said', 'x-zh': '确认结果' })),
  via: Type.Optional(Type.Union([Type.Literal('api'), Type.Literal('cli'), Type.Literal('folder')], { description: 'how it came in', 'x-zh': '接收渠道' })),
  customerId: Type.Optional(Type.String({ format: 'uuid', description: 'the customer it came from', 'x-zh': '客户' })),
  date: Type.Optional(DateString({ description: 'received on this business day' })),
  from: Type.Optional(DateString({ description: 'received on or after this business day' })),
  to: Type.Optional(DateString({ description: 'received on or before this business day' })),
  ...PageQuery,
});
export type InterchangeQuery = Static<typeof InterchangeQuery>;

export const OutboundQuery = Type.Object({
  orderId: Type.Optional(Type.String({ format: 'uuid', description: 'acknowledgements of this order', 'x-zh': '订单' })),
  ...PageQuery,
});
export type OutboundQuery = Static<typeof OutboundQuery>;
