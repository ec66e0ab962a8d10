import { Type, type Static } from 'typebox';
import { DateString, PageQuery } from '../../platform/http/schemas.ts';
import { doc } from '../../platform/schema-doc.ts';

/** One schema per input: API bodies and CLI input are validated by the same schema. */
const closed = { additionalProperties: false } as const;
const uuid = (en: string, zh: string) => Type.String({ format: 'uuid', ...doc(en, zh) });
const IDENTIFIER = '^[!-~]{1,20}$';
const text = (max: number, en: string, zh: string) => Type.String({ minLength: 1, maxLength: max, ...doc(en, zh) });

export const RETURN_REASONS = ['damaged', 'wrong_item', 'expired', 'complaint', 'recall'] as const;
export type ReturnReason = (typeof RETURN_REASONS)[number];
export const DISPOSITIONS = ['restock', 'quarantine', 'scrap', 'return_to_supplier', 'repair'] as const;
export type Disposition = (typeof DISPOSITIONS)[number];
export const CONDITIONS = ['sound', 'damaged', 'unknown'] as const;
export type Condition = (typeof CONDITIONS)[number];

const literals = <T extends readonly string[]>(values: T, en: string, zh: string) =>
  Type.Unsafe<T[number]>(Type.Union(values.map((v) => Type.Literal(v)), doc(en, zh)));

export const ReturnLineInput = Type.Object({
  deviceId: uuid('the device returned', '退货器械'),
  lotNumber: Type.String({ pattern: IDENTIFIER, ...doc('lot number as on the label', '批号') }),
  serial: Type.Optional(Type.String({ pattern: IDENTIFIER, ...doc('serial number (serial-tracked devices)', '序列号') })),
  quantity: Type.Integer({ minimum: 1, maximum: 1_000_000, ...doc('units returned, in base units', '退货数量（最小单位）') }),
  reason: literals(RETURN_REASONS, 'why it comes back: damaged, wrong_item, expired, complaint, recall', '退货原因'),
  note: Type.Optional(text(500, 'comment', '备注')),
}, { ...closed, ...doc('one returned device, lot (and serial)', '退货明细') });
export type ReturnLineInput = Static<typeof ReturnLineInput>;

export const ReturnInput = Type.Object({
  shipmentId: uuid('the shipment the goods came with', '原发货单'),
  notes: Type.Optional(text(1000, 'comment', '备注')),
  lines: Type.Array(ReturnLineInput, { minItems: 1, maxItems: 500, ...doc('what comes back', '退货明细') }),
}, { ...closed, ...doc('a return authorisation (RMA) against a shipment', '退货授权') });
export type ReturnInput = Static<typeof ReturnInput>;

export const ReturnReceiptInput = Type.Object({
  scan: Type.String({ minLength: 1, maxLength: 300, ...doc('the UDI label of the returned unit, as scanned', '退回件的UDI扫描') }),
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, ...doc('packages of the scanned level (default 1)', '包装数（默认1）') })),
  binId: uuid('a bin of a returns or quarantine zone', '退货区货位'),
}, { ...closed, ...doc('returned units received by scan', '退货收货') });
export type ReturnReceiptInput = Static<typeof ReturnReceiptInput>;

export const DispositionInput = Type.Object({
  as: literals(DISPOSITIONS, 'restock, quarantine, scrap, return_to_supplier or repair', '处置方式'),
  condition: literals(CONDITIONS, 'what inspection found: sound, damaged or unknown', '检验结论'),
  quantity: Type.Optional(Type.Integer({ minimum: 1, maximum: 1_000_000, ...doc('units decided (default: all received and not yet decided)', '数量') })),
  toBinId: Type.Optional(uuid('where restocked or quarantined units go', '目标货位')),
  supplierId: Type.Optional(uuid('the supplier goods go back to (default: the lot’s supplier)', '供应商')),
  note: Type.Optional(text(500, 'inspection note', '检验说明')),
}, { ...closed, ...doc('inspection and disposition of received returned units', '退货检验与处置') });
export type DispositionInput = Static<typeof DispositionInput>;

export const CancelInput = Type.Object({ reason: text(500, 'why the RMA is cancelled', '取消原因') }, closed);

export const ReturnQuery = Type.Object({
  customerId: Type.Optional(uuid('only this customer', '客户')),
  shipmentId: Type.Optional(uuid('only this shipment', '发货单')),
  status: Type.Optional(literals(['authorised', 'partially_received', 'received', 'closed', 'cancelled'] as const, 'only in this status', '状态')),
  ...PageQuery,
}, closed);
export type ReturnQuery = Static<typeof ReturnQuery>;

export const ComplaintInput = Type.Object({
  customerId: uuid('the complaining customer', '投诉客户'),
  scan: Type.Optional(Type.String({ minLength: 1, maxLength: 300, ...doc('the UDI label of the device concerned, as scanned', 'UDI扫描') })),
  deviceId: Type.Optional(uuid('the device (when no scan)', '器械')),
  lotNumber: Type.Optional(Type.String({ pattern: IDENTIFIER, ...doc('lot number (when no scan)', '批号') })),
  serial: Type.Optional(Type.String({ pattern: IDENTIFIER, ...doc('serial number (when no scan)', '序列号') })),
  rmaId: Type.Optional(uuid('the RMA the device came back under', '退货授权')),
  eventDate: Type.Optional(DateString({ description: 'when the event happened' })),
  description: text(4000, 'what happened', '投诉内容'),
}, { ...closed, ...doc('a complaint about a device', '投诉') });
export type ComplaintInput = Static<typeof ComplaintInput>;

export const COMPLAINT_STATUSES = ['open', 'investigating', 'closed'] as const;
export type ComplaintStatus = (typeof COMPLAINT_STATUSES)[number];
export const ComplaintStatusInput = Type.Object({
  status: literals(COMPLAINT_STATUSES, 'investigating or closed', '状态'),
  resolution: Type.Optional(text(4000, 'findings and resolution (required to close)', '调查结论')),
}, closed);
export type ComplaintStatusInput = Static<typeof ComplaintStatusInput>;

export const ComplaintQuery = Type.Object({
  lotId: Type.Optional(uuid('only this lot', '批次')),
  customerId: Type.Optional(uuid('only this customer', '客户')),
  status: Type.Optional(literals(COMPLAINT_STATUSES, 'only in this status', '状态')),
  ...PageQuery,
}, closed);
export type ComplaintQuery = Static<typeof ComplaintQuery>;

export const ComplaintSettingsInput = Type.Object({
  lotThreshold: Type.Integer({ minimum: 1, maximum: 1000, ...doc('complaints against one lot that flag it', '批次投诉预警阈值') }),
}, closed);

export const RepairDiagnosisInput = Type.Object({ diagnosis: text(4000, 'what is wrong', '故障诊断') }, closed);
export const RepairPartInput = Type.Object({
  lotId: uuid('the lot of the part used', '备件批次'),
  binId: uuid('the bin the part is taken from', '备件货位'),
  quantity: Type.Integer({ minimum: 1, maximum: 10_000, ...doc('units used', '数量') }),
}, closed);
export type RepairPartInput = Static<typeof RepairPartInput>;
export const RepairResultInput = Type.Object({
  result: literals(['repaired', 'beyond_repair'] as const, 'repaired, or beyond repair (the unit is scrapped)', '维修结果'),
  note: Type.Optional(text(2000, 'what was done', '维修说明')),
}, closed);
export type RepairResultInput = Static<typeof RepairResultInput>;
export const RepairShipInput = Type.Object({
  carrier: text(100, 'carrier', '承运商'),
  trackingNumber: text(100, 'tracking number', '运单号'),
}, closed);
export type RepairShipInput = Static<typeof RepairShipInput>;
