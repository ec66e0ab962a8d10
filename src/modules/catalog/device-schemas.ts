import { Type, type Static } from 'typebox';
import { DateString, PageQuery } from '../../platform/http/schemas.ts';
import { doc, Nullable } from '../../platform/schema-doc.ts';

/** One schema per input: it validates API bodies and import rows, and feeds the OpenAPI document. */

/** 2017 catalogue (07-03-01, first and second level 07-03) or the 2002 catalogue (6815, 681501). */
export const CATEGORY_CODE_PATTERN = '^((0[1-9]|[1-9][0-9])-(0[1-9]|[1-9][0-9])(-(0[1-9]|[1-9][0-9]))?|68[0-9]{2}([0-9]{2})?)$';
export const DEVICE_CODE_PATTERN = '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$';
/** GTIN-8, -12, -13 or -14 as printed; stored as GTIN-14. */
export const GTIN_INPUT_PATTERN = '^([0-9]{8}|[0-9]{12,14})$';

export const DeviceClass = Type.Union([Type.Literal('I'), Type.Literal('II'), Type.Literal('III')], doc('NMPA device class', '管理类别'));
export const RegistrationKind = Type.Union([Type.Literal('registration'), Type.Literal('filing')],
  doc('registration certificate (class II/III) or filing (class I)', '注册证/备案凭证'));
export const StorageConditionSchema = Type.Union(
  [Type.Literal('ambient'), Type.Literal('below_25C'), Type.Literal('2-8C'), Type.Literal('frozen')],
  doc('storage condition: ambient 10–30 °C, below 25 °C, 2–8 °C cold chain, frozen', '储存条件'));
export const TrackingMode = Type.Union([Type.Literal('lot'), Type.Literal('serial'), Type.Literal('lot_serial')],
  doc('what identifies a unit: lot, serial number, or both', '追溯方式（批号/序列号/批号+序列号）'));
export const PackagingLevel = Type.Union([Type.Literal('each'), Type.Literal('box'), Type.Literal('case'), Type.Literal('pallet')],
  doc('packaging level', '包装层级'));
export const MakeOrBuy = Type.Union([Type.Literal('make'), Type.Literal('buy')], doc('made in house or bought', '自制/外购'));

/** Checked in full by udi-di.ts, which says what is wrong with a bad one. */
const HibccDi = Type.String({ minLength: 1, maxLength: 40, ...doc(
  'HIBCC UDI-DI of this level, as on an HIBC LIC label: labeler identification code (a letter and 3 letters/digits), product number (1–18 A–Z/0–9) and unit-of-measure digit 0–8, e.g. A123CAT5501',
  'HIBCC 产品标识（LIC + 产品编号 + 包装单位位）') });

export const PackagingInput = Type.Object({
  level: PackagingLevel,
  gtin: Type.String({ pattern: GTIN_INPUT_PATTERN, ...doc('UDI-DI of this level: GTIN-8/12/13/14 with a valid check digit', '产品标识 UDI-DI（GTIN）') }),
  quantity: Type.Integer({ minimum: 1, maximum: 10_000_000, ...doc('base units inside one package of this level (each = 1)', '包装内最小销售单元数量', 'base unit') }),
  hibcc: Type.Optional(HibccDi),
}, { additionalProperties: false, ...doc('one packaging level of a device with its UDI-DI', '包装层级及其 UDI-DI') });
export type PackagingInput = Static<typeof PackagingInput>;

export const PackagingHibccInput = Type.Object({
  hibcc: Nullable(HibccDi),
}, { additionalProperties: false, ...doc('the HIBCC UDI-DI of a packaging level; null clears it', '包装层级的 HIBCC 产品标识') });
export type PackagingHibccInput = Static<typeof PackagingHibccInput>;

/** The device's own fields, shared by the create/import and PATCH schemas. */
export const DeviceFields = {
  nameZh: Type.String({ minLength: 1, maxLength: 200, ...doc('name in Chinese, as registered', '产品名称') }),
  nameEn: Type.String({ minLength: 1, maxLength: 200, ...doc('name in English, for export papers', '英文名称') }),
  deviceClass: DeviceClass,
  categoryCode: Type.String({ pattern: CATEGORY_CODE_PATTERN, ...doc('classification code: 07-03-01 (2017 catalogue) or 6815/681501 (old catalogue)', '分类编码') }),
  registrationKind: RegistrationKind,
  registrationNumber: Type.String({ minLength: 4, maxLength: 80, ...doc('NMPA registration certificate or filing number', '注册证编号/备案编号') }),
  registrationIssuedOn: DateString(doc('date the certificate was issued or the filing made', '批准日期/备案日期')),
  registrationExpiresOn: DateString(doc('last day the registration certificate is valid (filings do not expire)', '注册证有效期至')),
  registrant: Type.String({ minLength: 1, maxLength: 200, ...doc('registrant or filer named on the certificate', '注册人/备案人') }),
  storageCondition: StorageConditionSchema,
  minTempC: Type.Integer({ minimum: -200, maximum: 60, ...doc('lowest storage temperature on the label', '最低储存温度', '°C') }),
  maxTempC: Type.Integer({ minimum: -200, maximum: 60, ...doc('highest storage temperature on the label', '最高储存温度', '°C') }),
  coldChain: Type.Boolean(doc('cold-chain goods; follows from the storage condition (2–8 °C and frozen)', '冷链产品')),
  shelfLifeDays: Type.Integer({ minimum: 1, maximum: 36_500, ...doc('shelf life from production to expiry', '有效期', 'day') }),
  sterile: Type.Boolean(doc('supplied sterile', '无菌')),
  implantable: Type.Boolean(doc('implantable device', '植入器械')),
  trackingMode: TrackingMode,
  baseUnit: Type.String({ pattern: '^[A-Z][A-Z0-9]{0,9}$', ...doc('base unit code (EA, PCS, BOX …): quantities count these', '基本单位') }),
  hsCode: Type.String({ pattern: '^[0-9]{6,10}$', ...doc('customs HS code, 6 to 10 digits', '海关商品编码 HS') }),
  countryOfOrigin: Type.String({ pattern: '^[A-Z]{2}$', ...doc('ISO 3166 country of origin', '原产国') }),
  leadTimeDays: Type.Integer({ minimum: 0, maximum: 730, ...doc('lead time to make or buy', '生产/采购周期', 'day') }),
  makeOrBuy: MakeOrBuy,
  active: Type.Boolean(doc('can be ordered; deactivated devices stay for history', '启用')),
};

const F = DeviceFields;

export const DeviceInput = Type.Object({
  code: Type.String({ pattern: DEVICE_CODE_PATTERN, ...doc('device code (catalogue number), the natural key', '产品编码/货号') }),
  nameZh: F.nameZh,
  nameEn: Type.Optional(F.nameEn),
  deviceClass: F.deviceClass,
  categoryCode: F.categoryCode,
  registrationKind: Type.Optional(F.registrationKind),
  registrationNumber: Type.Optional(F.registrationNumber),
  registrationIssuedOn: Type.Optional(F.registrationIssuedOn),
  registrationExpiresOn: Type.Optional(F.registrationExpiresOn),
  registrant: Type.Optional(F.registrant),
  storageCondition: F.storageCondition,
  minTempC: Type.Optional(F.minTempC),
  maxTempC: Type.Optional(F.maxTempC),
  coldChain: Type.Optional(F.coldChain),
  shelfLifeDays: Type.Optional(F.shelfLifeDays),
  sterile: Type.Optional(F.sterile),
  implantable: Type.Optional(F.implantable),
  trackingMode: F.trackingMode,
  baseUnit: Type.Optional(F.baseUnit),
  hsCode: Type.Optional(F.hsCode),
  countryOfOrigin: Type.Optional(F.countryOfOrigin),
  leadTimeDays: Type.Optional(F.leadTimeDays),
  makeOrBuy: Type.Optional(F.makeOrBuy),
  active: Type.Optional(F.active),
  packaging: Type.Optional(Type.Array(PackagingInput, { maxItems: 4, ...doc('packaging levels with their UDI-DI', '包装层级') })),
}, { additionalProperties: false, ...doc('a catalogue device', '医疗器械产品') });
export type DeviceInput = Static<typeof DeviceInput>;

/** Changed fields only, and the version read; null clears an optional field. */
export const DevicePatch = Type.Object({
  version: Type.Integer({ minimum: 1, ...doc('the version last read; a different current version is a conflict', '版本号（乐观锁）') }),
  nameZh: Type.Optional(F.nameZh),
  nameEn: Type.Optional(Nullable(F.nameEn)),
  deviceClass: Type.Optional(F.deviceClass),
  categoryCode: Type.Optional(F.categoryCode),
  registrationKind: Type.Optional(F.registrationKind),
  registrationNumber: Type.Optional(Nullable(F.registrationNumber)),
  registrationIssuedOn: Type.Optional(Nullable(F.registrationIssuedOn)),
  registrationExpiresOn: Type.Optional(Nullable(F.registrationExpiresOn)),
  registrant: Type.Optional(Nullable(F.registrant)),
  storageCondition: Type.Optional(F.storageCondition),
  minTempC: Type.Optional(Nullable(F.minTempC)),
  maxTempC: Type.Optional(Nullable(F.maxTempC)),
  coldChain: Type.Optional(F.coldChain),
  shelfLifeDays: Type.Optional(Nullable(F.shelfLifeDays)),
  sterile: Type.Optional(F.sterile),
  implantable: Type.Optional(F.implantable),
  trackingMode: Type.Optional(F.trackingMode),
  baseUnit: Type.Optional(F.baseUnit),
  hsCode: Type.Optional(Nullable(F.hsCode)),
  countryOfOrigin: Type.Optional(Nullable(F.countryOfOrigin)),
  leadTimeDays: Type.Optional(Nullable(F.leadTimeDays)),
  makeOrBuy: Type.Optional(F.makeOrBuy),
  active: Type.Optional(F.active),
}, { additionalProperties: false, ...doc('changes to a device', '产品变更') });
export type DevicePatch = Static<typeof DevicePatch>;

export const DeactivateInput = Type.Object({
  version: Type.Optional(Type.Integer({ minimum: 1, ...doc('the version last read, if the caller wants the change refused after another edit', '版本号（乐观锁）') })),
  reason: Type.Optional(Type.String({ minLength: 1, maxLength: 500, ...doc('why the record is deactivated, kept in the audit trail', '停用原因') })),
}, { additionalProperties: false, ...doc('deactivation of a master record', '停用') });
export type DeactivateInput = Static<typeof DeactivateInput>;

export const DeviceListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, ...doc('search in code, names, GTIN and category code', '搜索（编码/名称/GTIN/分类编码）') })),
  deviceClass: Type.Optional(DeviceClass),
  coldChain: Type.Optional(Type.Boolean(doc('only cold-chain (true) or only other (false) devices', '冷链'))),
  active: Type.Optional(Type.Boolean(doc('only active (true) or only deactivated (false) devices', '启用'))),
  ...PageQuery,
});

export const RegistrationExpiryQuery = Type.Object({
  within: Type.Optional(Type.Union([Type.Literal(30), Type.Literal(90), Type.Literal(180)],
    { default: 90, ...doc('warning window: registrations expiring within 30, 90 or 180 days', '预警期限', 'day') })),
  asOf: Type.Optional(DateString(doc('the day the window starts (today by default)', '基准日期'))),
  ...PageQuery,
});

export const ScanInput = Type.Object({
  scan: Type.String({ minLength: 1, maxLength: 500, ...doc('one scanned UDI: GS1 element string (GS as ASCII 29 or <GS>, or with parentheses) or HIBCC', '扫描的 UDI 条码数据') }),
}, { additionalProperties: false, ...doc('a UDI scan to resolve', 'UDI 扫码') });
