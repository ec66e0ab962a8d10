import { Type, type Static } from 'typebox';
import { DateString } from '../../platform/http/schemas.ts';
import { doc, Nullable } from '../../platform/schema-doc.ts';

const Uuid = (en: string, zh: string) => Type.String({ format: 'uuid', ...doc(en, zh) });
const MINOR = 'minor currency unit';
const VatCode = (en: string, zh: string) => Type.String({ pattern: '^[A-Z0-9_]{1,20}$', ...doc(en, zh) });

export const InvoiceCreateInput = Type.Object({ shipmentId: Uuid('the shipment to invoice', '开票的发货单') }, { additionalProperties: false });
export type InvoiceCreateInput = Static<typeof InvoiceCreateInput>;

export const CreditNoteKind = Type.Union([Type.Literal('return'), Type.Literal('price_correction'), Type.Literal('other')],
  doc('why the credit: returned goods, a price correction, or another reason', '贷项原因：退货、价格更正或其他'));
export type CreditNoteKind = Static<typeof CreditNoteKind>;

export const CreditNoteLineInput = Type.Object({
  deviceId: Uuid('the device credited', '贷记的器械'),
  quantity: Type.Integer({ minimum: 1, maximum: 10_000_000, ...doc('units credited, in base units', '贷记数量（基本单位）', 'base unit') }),
  lotId: Type.Optional(Uuid('the lot, to pick the invoice line of that lot', '批次（选择该批次的发票行）')),
  orderId: Type.Optional(Uuid('the order of the line credited', '贷记行所属订单')),
  lineNo: Type.Optional(Type.Integer({ minimum: 1, ...doc('the order line credited', '贷记的订单行号') })),
  unitPriceMinor: Type.Optional(Type.Integer({ minimum: 0, maximum: Number.MAX_SAFE_INTEGER,
    ...doc('credit per unit; default the invoiced (or ordered) price; required for a price correction', '每单位贷记金额；默认为开票（或订单）价格；价格更正时必填', MINOR) })),
}, { additionalProperties: false });
export type CreditNoteLineInput = Static<typeof CreditNoteLineInput>;

export const CreditNoteInput = Type.Object({
  invoiceId: Type.Optional(Uuid('the invoice corrected', '被更正的发票')),
  customerId: Uuid('the customer credited', '贷记的客户'),
  kind: Type.Optional(CreditNoteKind),
  reason: Type.String({ minLength: 1, maxLength: 500, ...doc('the reason, as printed on the credit note', '原因（打印在贷项通知单上）') }),
  sourceRef: Type.Optional(Type.String({ minLength: 1, maxLength: 100, ...doc('the RMA or correction reference', '退货授权号或更正参考号') })),
  lines: Type.Array(CreditNoteLineInput, { minItems: 1, maxItems: 1000, ...doc('the lines credited', '贷记行') }),
}, { additionalProperties: false });
export type CreditNoteInput = Static<typeof CreditNoteInput>;

export const AllocationInput = Type.Object({
  invoiceId: Uuid('the invoice paid', '核销的发票'),
  amountMinor: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, ...doc('amount applied to the invoice', '核销金额', MINOR) }),
}, { additionalProperties: false });

export const PaymentInput = Type.Object({
  customerId: Uuid('who paid', '付款客户'),
  amountMinor: Type.Integer({ minimum: 1, maximum: Number.MAX_SAFE_INTEGER, ...doc('amount received', '收款金额', MINOR) }),
  currency: Type.String({ pattern: '^[A-Z]{3}$', ...doc('ISO 4217 currency', '币种') }),
  receivedOn: DateString({ ...doc('value date of the payment', '到账日期') }),
  reference: Type.String({ minLength: 1, maxLength: 100, ...doc('bank transaction reference', '银行流水号') }),
  remittance: Type.Optional(Type.String({ maxLength: 1000, ...doc('the payer’s remittance text', '付款附言') })),
  allocations: Type.Optional(Type.Array(AllocationInput, { maxItems: 500, ...doc('explicit allocations; without them the oldest invoices are paid first', '指定核销；不指定时按最早到期的发票先核销') })),
  autoAllocate: Type.Optional(Type.Boolean(doc('false keeps the whole payment unapplied', '为 false 时整笔款项暂不核销'))),
}, { additionalProperties: false });
export type PaymentInput = Static<typeof PaymentInput>;

export const ApplyPaymentBody = Type.Object({
  customerId: Type.Optional(Uuid('who paid, for a payment no customer was matched to', '付款客户（导入时未识别的款项）')),
  allocations: Type.Optional(Type.Array(AllocationInput, { maxItems: 500, ...doc('explicit allocations; without them the oldest invoices are paid first', '指定核销；不指定时按最早到期的发票先核销') })),
}, { additionalProperties: false });

export const FinanceSettingsInput = Type.Object({
  invoiceOn: Type.Optional(Type.Union([Type.Literal('shipment'), Type.Literal('delivery')], doc('invoice on shipment or on proof of delivery', '发货时开票或签收后开票'))),
  vatCode: Type.Optional(Nullable(VatCode('a VAT rate overriding every device’s (exemption, export 0%)', '覆盖器械税率的客户税率（免税、出口零税率）'))),
  ediStandard: Type.Optional(Nullable(Type.Unsafe<'X12' | 'EDIFACT'>({ type: 'string', enum: ['X12', 'EDIFACT', null], ...doc('EDI standard of the invoices sent', '电子发票报文标准') }))),
  ediPartnerId: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 35, ...doc('the customer’s EDI id', '客户 EDI 标识') }))),
  payerAccount: Type.Optional(Nullable(Type.String({ minLength: 1, maxLength: 64, ...doc('the bank account the customer pays from', '客户付款账号') }))),
}, { additionalProperties: false });
export type FinanceSettingsInput = Static<typeof FinanceSettingsInput>;

export const DeviceVatInput = Type.Object({ vatCode: VatCode('the VAT rate of the device', '器械增值税税率') }, { additionalProperties: false });
