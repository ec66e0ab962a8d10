import { Type, type Static } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.ts';
import { doc } from '../../platform/schema-doc.ts';

/** One schema per input: it validates API bodies and CLI input, and feeds the OpenAPI document. */
const closed = { additionalProperties: false } as const;
const uuid = (en: string, zh: string) => Type.String({ format: 'uuid', ...doc(en, zh) });
const mm = (en: string, zh: string) => Type.Integer({ minimum: 1, maximum: 10_000, ...doc(en, zh, 'mm') });

export const PickListInput = Type.Object({
  orderIds: Type.Array(uuid('an order to pick', '订单'), { minItems: 1, maxItems: 200, uniqueItems: true, ...doc('one order, or several of one warehouse for a wave', '订单（多个为波次拣货）') }),
}, closed);
export type PickListInput = Static<typeof PickListInput>;

export const PickListQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('open'), Type.Literal('picking'), Type.Literal('picked'), Type.Literal('cancelled')])),
  orderId: Type.Optional(uuid('lists holding this order', '订单')),
  ...PageQuery,
}, closed);

export const CancelInput = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 500, ...doc('why the list is cancelled', '取消原因') }),
}, closed);

export const ScanBody = Type.Object({
  scan: Type.String({ minLength: 1, maxLength: 400, ...doc('the label as scanned (GS1 or HIBCC; GS as ASCII 29 or <GS>)', '扫描内容') }),
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, ...doc('packages (or loose units of a lot-tracked device) this scan counts; default 1', '本次扫描数量') })),
}, closed);
export type ScanBody = Static<typeof ScanBody>;

export const PackBody = Type.Object({
  pickIds: Type.Optional(Type.Array(uuid('a pick to pack', '拣货记录'), { minItems: 1, maxItems: 10_000, uniqueItems: true })),
  weightG: Type.Integer({ minimum: 1, maximum: 2_000_000, ...doc('gross weight', '毛重', 'g') }),
  lengthMm: mm('length', '长'),
  widthMm: mm('width', '宽'),
  heightMm: mm('height', '高'),
}, closed);
export type PackBody = Static<typeof PackBody>;

export const ReviewBody = Type.Object({
  password: Type.String({ minLength: 1, maxLength: 200, ...doc('the reviewer’s password (electronic signature)', '复核人密码（电子签名）') }),
  meaning: Type.String({ minLength: 1, maxLength: 200, ...doc('what the signature means', '签名含义') }),
  checked: Type.Optional(Type.Array(Type.Object({
    lineNo: Type.Integer({ minimum: 1, ...doc('order line', '订单行号') }),
    quantity: Type.Integer({ minimum: 0, maximum: 10_000_000, ...doc('units counted', '复核数量') }),
  }, closed), { minItems: 1, maxItems: 10_000 })),
}, closed);
export type ReviewBody = Static<typeof ReviewBody>;

export const ShipBody = Type.Object({
  carrier: Type.String({ minLength: 1, maxLength: 100, ...doc('carrier name', '承运商') }),
  trackingNumber: Type.String({ minLength: 1, maxLength: 100, ...doc('carrier tracking number', '运单号') }),
  packageIds: Type.Optional(Type.Array(uuid('a package that leaves', '包裹'), { minItems: 1, maxItems: 10_000, uniqueItems: true })),
  carrierServiceId: Type.Optional(uuid('the carrier service', '承运服务')),
}, closed);
export type ShipBody = Static<typeof ShipBody>;

export const DeliveryBody = Type.Object({
  receivedBy: Type.String({ minLength: 1, maxLength: 200, ...doc('who signed for the goods', '签收人') }),
  deliveredAt: Type.Optional(Type.String({ format: 'date-time', ...doc('when it was delivered (default now)', '签收时间') })),
  podReference: Type.Optional(Type.String({ minLength: 1, maxLength: 200, ...doc('proof-of-delivery reference', '签收单号') })),
}, closed);
export type DeliveryBody = Static<typeof DeliveryBody>;

export const ShipmentQuery = Type.Object({
  orderId: Type.Optional(uuid('shipments of this order', '订单')),
  customerId: Type.Optional(uuid('shipments to this customer', '客户')),
  ...PageQuery,
}, closed);

export const ReviewClassesBody = Type.Object({
  deviceClasses: Type.Array(Type.Union([Type.Literal('I'), Type.Literal('II'), Type.Literal('III')]), { maxItems: 3, uniqueItems: true, ...doc('device classes whose packages need the outbound review', '需出库复核的器械类别') }),
}, closed);
