import { Type, type Static } from 'typebox';
import { DateString, PageQuery } from '../../platform/http/schemas.ts';
import { doc } from '../../platform/schema-doc.ts';
import { AQLS } from './sampling-plan.ts';

/** One schema per input: it validates API bodies and CLI input, and feeds the OpenAPI document. */
const closed = { additionalProperties: false } as const;
const uuid = (en: string, zh: string) => Type.String({ format: 'uuid', ...doc(en, zh) });
const IDENTIFIER = '^[!-~]{1,20}$';
const quantity = (en: string, zh: string) => Type.Integer({ minimum: 1, maximum: 10_000_000, ...doc(en, zh, 'base unit') });
const notes = Type.Optional(Type.String({ maxLength: 1000, ...doc('notes', '备注') }));

export const RequisitionInput = Type.Object({
  plannedOrderId: Type.Optional(uuid('a firmed or planned "buy" planned order of planning to buy for', '计划订单（采购）')),
  deviceId: Type.Optional(uuid('the device to buy (not with plannedOrderId)', '器械')),
  quantity: Type.Optional(quantity('units to buy, in base units', '数量（最小单位）')),
  needDate: Type.Optional(DateString({ description: 'the date the goods are needed' })),
  supplierId: Type.Optional(uuid('the supplier to buy from, when known', '供应商')),
  unitPriceMinor: Type.Optional(Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, ...doc('agreed unit price in minor units', '单价（分）', 'minor unit') })),
  notes,
}, { ...closed, ...doc('a purchase requisition: from a planned buy order, or device, quantity and need date', '采购申请') });
export type RequisitionInput = Static<typeof RequisitionInput>;

export const ConvertInput = Type.Object({
  requisitionIds: Type.Array(Type.String({ format: 'uuid' }), { minItems: 1, maxItems: 500, uniqueItems: true, ...doc('approved requisitions to order', '已批准的采购申请') }),
  supplierId: Type.Optional(uuid('the supplier for requisitions that name none', '供应商（申请未指定时）')),
}, { ...closed, ...doc('approved requisitions turned into purchase orders, one per supplier', '采购申请转采购订单') });
export type ConvertInput = Static<typeof ConvertInput>;

export const PurchaseOrderLineInput = Type.Object({
  deviceId: uuid('the device ordered', '器械'),
  quantity: quantity('units ordered, in base units', '数量（最小单位）'),
  unitPriceMinor: Type.Integer({ minimum: 0, maximum: 1_000_000_000_000, ...doc('unit price in minor units', '单价（分）', 'minor unit') }),
  expectedDate: DateString({ description: 'the date the supplier promises to deliver' }),
}, closed);

export const PurchaseOrderInput = Type.Object({
  supplierId: uuid('the supplier', '供应商'),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$', ...doc('ISO currency (default: the supplier’s)', '币种') })),
  notes,
  lines: Type.Array(PurchaseOrderLineInput, { minItems: 1, maxItems: 500, ...doc('what is ordered', '采购明细') }),
}, { ...closed, ...doc('a purchase order to a qualified supplier', '采购订单') });
export type PurchaseOrderInput = Static<typeof PurchaseOrderInput>;

export const CancelInput = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 500, ...doc('why the order is cancelled', '取消原因') }),
}, closed);

export const PoReceiptLineInput = Type.Object({
  scan: Type.Optional(Type.String({ minLength: 1, maxLength: 300, ...doc('the UDI label as scanned (GS1 element string)', '扫描的UDI标签') })),
  deviceId: Type.Optional(uuid('the device, for a line typed in', '器械')),
  lotNumber: Type.Optional(Type.String({ pattern: IDENTIFIER, ...doc('lot number, for a line typed in', '批号') })),
  expiresOn: Type.Optional(DateString({ description: 'expiry date, for a line typed in' })),
  manufacturedOn: Type.Optional(DateString({ description: 'manufacture date, for a line typed in' })),
  serials: Type.Optional(Type.Array(Type.String({ pattern: IDENTIFIER }), { maxItems: 10_000, ...doc('serials of a serial-tracked device', '序列号') })),
  quantity: Type.Optional(quantity('units received in base units; with a scan, a multiple of the scanned package (default: one package)', '数量（最小单位）')),
}, { ...closed, ...doc('units of one lot: a scanned label, or device, lot, expiry and quantity', '收货明细') });
export type PoReceiptLineInput = Static<typeof PoReceiptLineInput>;

export const PoReceiptInput = Type.Object({
  binId: uuid('the bin the goods are put in (a quarantine bin for lots already released)', '入库货位'),
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 64, ...doc('the supplier’s delivery note', '送货单号') })),
  notes,
  lines: Type.Array(PoReceiptLineInput, { minItems: 1, maxItems: 500 }),
}, { ...closed, ...doc('goods received against a purchase order', '采购收货') });
export type PoReceiptInput = Static<typeof PoReceiptInput>;

const aql = Type.Union(AQLS.map((a) => Type.Literal(a)), doc('acceptable quality limit, percent defective', '接收质量限 AQL'));
const level = Type.Union([Type.Literal('I'), Type.Literal('II'), Type.Literal('III')], doc('general inspection level', '一般检验水平'));

export const SamplingPlanInput = Type.Object({
  deviceId: Type.Optional(uuid('the device the plan is for (or supplierId)', '器械')),
  supplierId: Type.Optional(uuid('the supplier the plan is for (or deviceId)', '供应商')),
  inspectionLevel: level,
  aql,
}, { ...closed, ...doc('the incoming-inspection sampling plan of a device or a supplier', '进货检验抽样方案') });
export type SamplingPlanInput = Static<typeof SamplingPlanInput>;

export const InspectionResultInput = Type.Object({
  sampled: Type.Integer({ minimum: 1, maximum: 10_000_000, ...doc('units inspected (at least the plan’s sample size)', '抽样数量') }),
  defects: Type.Integer({ minimum: 0, maximum: 10_000_000, ...doc('defective units found in the sample', '不合格数') }),
  reportReference: Type.String({ minLength: 1, maxLength: 200, ...doc('number of the inspection report filed with the lot', '检验报告编号') }),
  notes,
}, { ...closed, ...doc('the result of an incoming inspection', '进货检验结果') });
export type InspectionResultInput = Static<typeof InspectionResultInput>;

export const InspectionDecisionInput = Type.Object({
  decision: Type.Union([Type.Literal('release'), Type.Literal('reject')], doc('release the lot for use, or reject it', '放行或拒收')),
  password: Type.String({ minLength: 1, maxLength: 256, ...doc('your password: it signs the decision', '签名密码') }),
  meaning: Type.String({ minLength: 1, maxLength: 200, ...doc('what the signature means', '签名含义') }),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, ...doc('comment or reason', '说明') })),
}, { ...closed, ...doc('quality’s signed decision on an inspected lot', '质量放行决定（电子签名）') });
export type InspectionDecisionInput = Static<typeof InspectionDecisionInput>;

export const PurchaseOrderQuery = Type.Object({
  supplierId: Type.Optional(uuid('only this supplier', '供应商')),
  status: Type.Optional(Type.Union(['draft', 'approved', 'sent', 'partially_received', 'received', 'cancelled'].map((s) => Type.Literal(s)))),
  ...PageQuery,
}, closed);

export const RequisitionQuery = Type.Object({
  status: Type.Optional(Type.Union(['open', 'approved', 'converted', 'cancelled'].map((s) => Type.Literal(s)))),
  ...PageQuery,
}, closed);

export const InspectionQuery = Type.Object({
  status: Type.Optional(Type.Union([Type.Literal('pending'), Type.Literal('passed'), Type.Literal('failed'), Type.Literal('released'), Type.Literal('rejected')],
    doc('only inspections in this status (pending: quality’s work list)', '检验状态'))),
  purchaseOrderId: Type.Optional(uuid('only this purchase order', '采购订单')),
}, closed);
