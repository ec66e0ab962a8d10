import { Type, type Static } from 'typebox';
import { DateString, PageQuery } from '../../platform/http/schemas.ts';
import { doc } from '../../platform/schema-doc.ts';

/** One schema per input: it validates API bodies and CLI input, and feeds the OpenAPI document. */
const closed = { additionalProperties: false } as const;
const uuid = (en: string, zh: string) => Type.String({ format: 'uuid', ...doc(en, zh) });
/** GS1 AI (10)/(21) carry up to 20 printable characters; so do lot and serial numbers here. */
const IDENTIFIER = '^[!-~]{1,20}$';

export const ReceiptReason = Type.Union([Type.Literal('purchase'), Type.Literal('production'), Type.Literal('opening')],
  doc('purchase (from a supplier), production (own make) or opening stock (go-live balances; lands released)', '入库类型（采购/生产/期初）'));

export const ReceiptLineInput = Type.Object({
  deviceId: uuid('the device received', '器械'),
  lotNumber: Type.String({ pattern: IDENTIFIER, ...doc('lot (batch) number as on the label', '批号') }),
  expiresOn: DateString({ description: 'expiry date of the lot' }),
  manufacturedOn: Type.Optional(DateString({ description: 'manufacture date of the lot' })),
  supplierLot: Type.Optional(Type.String({ minLength: 1, maxLength: 40, ...doc('the supplier’s own lot number, when it differs', '供应商批号') })),
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000, ...doc('units received, in base units', '数量（最小单位）') }),
  serials: Type.Optional(Type.Array(Type.String({ pattern: IDENTIFIER }), { maxItems: 10_000, ...doc('one serial per unit for serial-tracked devices', '序列号') })),
}, { ...closed, ...doc('units of one lot received', '入库明细') });
export type ReceiptLineInput = Static<typeof ReceiptLineInput>;

export const ReceiptInput = Type.Object({
  binId: uuid('the bin the goods are put in', '入库货位'),
  reason: Type.Optional(ReceiptReason),
  supplierId: Type.Optional(uuid('the supplier the goods came from', '供应商')),
  reference: Type.Optional(Type.String({ minLength: 1, maxLength: 64, ...doc('delivery note or purchase order number', '送货单/采购单号') })),
  notes: Type.Optional(Type.String({ maxLength: 1000 })),
  scans: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 300 }), {
    minItems: 1, maxItems: 5000, ...doc('UDI labels as scanned (GS1 element strings): one package per scan', '扫描的UDI标签'),
  })),
  lines: Type.Optional(Type.Array(ReceiptLineInput, { minItems: 1, maxItems: 1000, ...doc('what was received, typed in', '入库明细') })),
}, { ...closed, ...doc('goods received into a bin, by scans or by lines', '收货') });
export type ReceiptInput = Static<typeof ReceiptInput>;

export const LotDocumentInput = Type.Object({
  kind: Type.Union([Type.Literal('certificate_of_conformity'), Type.Literal('inspection_report'), Type.Literal('test_report'), Type.Literal('other')],
    doc('certificate of conformity, incoming inspection report, test report …', '文件类型（合格证/检验报告…）')),
  reference: Type.String({ minLength: 1, maxLength: 200, ...doc('document number or where it is filed', '文件编号') }),
  issuedOn: Type.Optional(DateString({ description: 'date of issue' })),
}, { ...closed, ...doc('a document of a lot', '批次文件') });
export type LotDocumentInput = Static<typeof LotDocumentInput>;

export const SignedDecision = Type.Object({
  password: Type.String({ minLength: 1, maxLength: 256, ...doc('your password: it signs the decision', '签名密码') }),
  meaning: Type.String({ minLength: 1, maxLength: 200, ...doc('what the signature means, e.g. "released for distribution"', '签名含义') }),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, ...doc('comment or reason', '说明') })),
}, { ...closed, ...doc('an electronically signed quality decision', '电子签名的质量决定') });

export const ReasonedDecision = Type.Object({
  reason: Type.String({ minLength: 1, maxLength: 500, ...doc('why (investigation, recall notice number …)', '原因') }),
}, closed);

export const TransferInput = Type.Object({
  lotId: uuid('the lot moved', '批次'),
  fromBinId: uuid('where it is', '源货位'),
  toBinId: uuid('where it goes', '目标货位'),
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000, ...doc('units moved', '数量') }),
  serials: Type.Optional(Type.Array(Type.String({ pattern: IDENTIFIER }), { maxItems: 10_000, uniqueItems: true, ...doc('the serials moved (serial-tracked devices)', '序列号') })),
}, { ...closed, ...doc('stock moved between bins (put-away, transfer)', '移库') });
export type TransferInput = Static<typeof TransferInput>;

export const StockQuery = Type.Object({
  deviceId: Type.Optional(uuid('only this device', '器械')),
  lotId: Type.Optional(uuid('only this lot', '批次')),
  lotNumber: Type.Optional(Type.String({ pattern: IDENTIFIER, ...doc('only lots with this number', '批号') })),
  warehouseId: Type.Optional(uuid('only this warehouse', '仓库')),
  binId: Type.Optional(uuid('only this bin', '货位')),
  status: Type.Optional(Type.Union(['quarantine', 'released', 'blocked', 'recalled', 'expired', 'rejected'].map((s) => Type.Literal(s)),
    doc('only lots in this status', '批次状态'))),
  expiresBefore: Type.Optional(DateString({ description: 'only lots expiring before this date' })),
  ...PageQuery,
}, closed);

export const NearExpiryQuery = Type.Object({
  warehouseId: Type.Optional(uuid('only this warehouse', '仓库')),
  today: Type.Optional(DateString({ description: 'report as of this date (default: the business day)' })),
}, closed);

export const AllocationPreferenceInput = Type.Object({
  singleLotPerLine: Type.Boolean(doc('serve each order line from one lot when one lot can', '每行单一批号')),
  shipToWarehouses: Type.Optional(Type.Array(Type.Object({
    shipToId: uuid('a ship-to address of the customer', '收货地址'),
    warehouseIds: Type.Array(Type.String({ format: 'uuid' }), { maxItems: 50, uniqueItems: true, ...doc('warehouses serving it, most preferred first; empty = all', '发货仓库（优先顺序）') }),
  }, closed), { maxItems: 200 })),
}, { ...closed, ...doc('how a customer’s orders are allocated', '分配偏好') });
export type AllocationPreferenceInput = Static<typeof AllocationPreferenceInput>;

export const PromiseInput = Type.Object({
  customerId: uuid('the ordering customer', '客户'),
  shipToId: Type.Optional(uuid('ship-to address (default: the customer’s default)', '收货地址')),
  carrierServiceId: Type.Optional(uuid('shipping method', '承运服务')),
  requestedDate: Type.Optional(DateString({ description: 'requested delivery date' })),
  lines: Type.Array(Type.Object({
    deviceId: uuid('the device', '器械'),
    quantity: Type.Integer({ minimum: 1, maximum: 10_000_000, ...doc('units in base units', '数量（最小单位）') }),
  }, closed), { minItems: 1, maxItems: 1000 }),
}, { ...closed, ...doc('lines to promise while entering an order', '交期承诺查询') });
export type PromiseInput = Static<typeof PromiseInput>;
