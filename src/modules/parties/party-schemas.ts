import { Type, type Static } from 'typebox';
import { doc } from '../../platform/schema-doc.ts';

/** One schema per input: it validates API bodies and import rows, and feeds the OpenAPI document. */
export const ContactFields = {
  name: Type.String({ minLength: 1, maxLength: 100, ...doc('contact person (personal data, encrypted at rest)', '联系人姓名') }),
  role: Type.String({ maxLength: 100, ...doc('role or department of the contact', '职务/部门') }),
  phone: Type.String({ maxLength: 40, pattern: '^[0-9+() -]{3,40}$', ...doc('phone number (encrypted at rest)', '联系电话') }),
  email: Type.String({ maxLength: 200, format: 'email', ...doc('e-mail address (encrypted at rest)', '电子邮箱') }),
};

export const ContactInput = Type.Object({
  name: ContactFields.name,
  role: Type.Optional(ContactFields.role),
  phone: Type.Optional(ContactFields.phone),
  email: Type.Optional(ContactFields.email),
}, doc('a contact person of the party', '联系人'));
export type ContactInput = Static<typeof ContactInput>;

export const AddressKind = Type.Union([Type.Literal('ship_to'), Type.Literal('bill_to')], doc('ship-to or bill-to address', '地址类型（收货/开票）'));

export const AddressFields = {
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$', ...doc('address code, unique within the party', '地址编码') }),
  kind: AddressKind,
  name: Type.String({ minLength: 1, maxLength: 200, ...doc('name of the receiving site or department', '地址名称（收货点/部门）') }),
  line1: Type.String({ minLength: 1, maxLength: 300, ...doc('street address', '详细地址') }),
  city: Type.String({ maxLength: 100, ...doc('city', '城市') }),
  province: Type.String({ maxLength: 100, ...doc('province or state', '省份') }),
  postcode: Type.String({ maxLength: 20, ...doc('postal code', '邮政编码') }),
  country: Type.String({ pattern: '^[A-Z]{2}$', ...doc('ISO 3166 country code, CN by default', '国家代码') }),
  gln: Type.String({ pattern: '^[0-9]{13}$', ...doc('GS1 Global Location Number of the site', '全球位置码 GLN') }),
  coldChainCapable: Type.Boolean(doc('the ship-to can receive cold-chain goods (2–8 °C)', '具备冷链收货能力')),
  isDefault: Type.Boolean(doc('the default address of its kind', '默认地址')),
};

export const AddressInput = Type.Object({
  code: AddressFields.code,
  kind: AddressFields.kind,
  name: AddressFields.name,
  line1: AddressFields.line1,
  city: Type.Optional(AddressFields.city),
  province: Type.Optional(AddressFields.province),
  postcode: Type.Optional(AddressFields.postcode),
  country: Type.Optional(AddressFields.country),
  gln: Type.Optional(AddressFields.gln),
  coldChainCapable: Type.Optional(AddressFields.coldChainCapable),
  isDefault: Type.Optional(AddressFields.isDefault),
}, doc('a ship-to or bill-to address', '地址'));
export type AddressInput = Static<typeof AddressInput>;

export const IdentifierScheme = Type.Union([Type.Literal('GLN'), Type.Literal('DUNS'), Type.Literal('PARTNER')], doc('identifier scheme: GLN, DUNS or a partner-specific id', '标识类型'));

export const IdentifierInput = Type.Object({
  scheme: IdentifierScheme,
  value: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9._:/-]+$', ...doc('the identifier (13-digit GLN, 9-digit DUNS, partner id)', '标识值') }),
}, doc('an outside identifier used by EDI', 'EDI 标识'));
export type IdentifierInput = Static<typeof IdentifierInput>;

export const CarrierServiceFields = {
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$', ...doc('service code, unique within the carrier', '服务编码') }),
  name: Type.String({ minLength: 1, maxLength: 200, ...doc('service name', '服务名称') }),
  transitDays: Type.Integer({ minimum: 0, maximum: 120, ...doc('usual transit time in days', '运输时效（天）') }),
  coldChainCapable: Type.Boolean(doc('the service keeps goods at 2–8 °C', '支持冷链')),
  active: Type.Boolean(doc('the service can be booked', '启用')),
};

export const CarrierServiceInput = Type.Object({
  code: CarrierServiceFields.code,
  name: CarrierServiceFields.name,
  transitDays: CarrierServiceFields.transitDays,
  coldChainCapable: Type.Optional(CarrierServiceFields.coldChainCapable),
  active: Type.Optional(CarrierServiceFields.active),
}, doc('a service a carrier offers', '承运服务'));
export type CarrierServiceInput = Static<typeof CarrierServiceInput>;

export const PartyKind = Type.Union([Type.Literal('customer'), Type.Literal('supplier'), Type.Literal('carrier')], doc('customer, supplier or carrier', '往来单位类别'));
export const CustomerType = Type.Union([Type.Literal('hospital'), Type.Literal('distributor'), Type.Literal('dealer')], doc('hospital, distributor or dealer (customers only)', '客户类型（医院/配送商/经销商）'));

/** The party's own fields, shared by the create, import and PATCH schemas. */
export const PartyFields = {
  nameZh: Type.String({ minLength: 1, maxLength: 200, ...doc('name in Chinese (legal name)', '单位名称') }),
  nameEn: Type.String({ maxLength: 200, ...doc('name in English', '英文名称') }),
  creditCode: Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', ...doc('unified social credit code', '统一社会信用代码') }),
  paymentTermsDays: Type.Integer({ minimum: 0, maximum: 365, ...doc('payment terms in days after invoice', '账期（天）') }),
  creditLimitMinor: Type.Integer({ minimum: 0, ...doc('credit limit in minor units of the currency (fen, cents)', '信用额度（分）') }),
  currency: Type.String({ pattern: '^[A-Z]{3}$', ...doc('ISO 4217 currency, CNY by default', '币种') }),
  priorityTier: Type.Integer({ minimum: 1, maximum: 5, ...doc('priority tier, 1 = highest', '优先级（1 最高）') }),
  minShelfLifeDays: Type.Integer({ minimum: 0, maximum: 3650, ...doc('minimum remaining shelf life accepted, in days', '最短剩余效期（天）') }),
  minShelfLifePct: Type.Integer({ minimum: 0, maximum: 100, ...doc('minimum remaining shelf life accepted, in % of total shelf life', '最短剩余效期（%）') }),
  requiresSerialCapture: Type.Boolean(doc('the customer needs serial numbers captured on shipment', '需采集序列号')),
  leadTimeDays: Type.Integer({ minimum: 0, maximum: 730, ...doc('supplier lead time in days (suppliers only)', '供货周期（天）') }),
  bankDetails: Type.String({ maxLength: 500, ...doc('bank account details (sensitive, encrypted at rest)', '银行账户信息') }),
  notes: Type.String({ maxLength: 2000, ...doc('free notes', '备注') }),
};

export const PartyInput = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$', ...doc('party code, the natural key', '单位编码') }),
  kind: PartyKind,
  customerType: Type.Optional(CustomerType),
  nameZh: PartyFields.nameZh,
  nameEn: Type.Optional(PartyFields.nameEn),
  creditCode: Type.Optional(PartyFields.creditCode),
  paymentTermsDays: Type.Optional(PartyFields.paymentTermsDays),
  creditLimitMinor: Type.Optional(PartyFields.creditLimitMinor),
  currency: Type.Optional(PartyFields.currency),
  priorityTier: Type.Optional(PartyFields.priorityTier),
  minShelfLifeDays: Type.Optional(PartyFields.minShelfLifeDays),
  minShelfLifePct: Type.Optional(PartyFields.minShelfLifePct),
  requiresSerialCapture: Type.Optional(PartyFields.requiresSerialCapture),
  leadTimeDays: Type.Optional(PartyFields.leadTimeDays),
  bankDetails: Type.Optional(PartyFields.bankDetails),
  notes: Type.Optional(PartyFields.notes),
  active: Type.Optional(Type.Boolean(doc('the party can be used on new orders', '启用'))),
  addresses: Type.Optional(Type.Array(AddressInput, { maxItems: 200, ...doc('ship-to and bill-to addresses', '地址') })),
  contacts: Type.Optional(Type.Array(ContactInput, { maxItems: 50, ...doc('contact persons', '联系人') })),
  identifiers: Type.Optional(Type.Array(IdentifierInput, { maxItems: 20, ...doc('GLN, DUNS and partner ids for EDI', 'EDI 标识') })),
  carrierServices: Type.Optional(Type.Array(CarrierServiceInput, { maxItems: 100, ...doc('services of a carrier (carriers only)', '承运服务') })),
}, doc('a customer, supplier or carrier', '往来单位'));
export type PartyInput = Static<typeof PartyInput>;
