import { Type, type Static } from 'typebox';
import { PageQuery } from '../../platform/http/schemas.ts';
import { StorageConditionSchema } from '../catalog/device-schemas.ts';
import { doc, Nullable } from '../../platform/schema-doc.ts';

/** One schema per input: it validates API bodies and import rows, and feeds the OpenAPI document. */

const CODE = '^[A-Za-z0-9][A-Za-z0-9._/-]{0,39}$';
const closed = { additionalProperties: false } as const;

export const ZoneType = Type.Union(
  [Type.Literal('normal'), Type.Literal('cold_chain'), Type.Literal('quarantine'), Type.Literal('returns'), Type.Literal('rejected')],
  doc('zone type: normal or cold-chain stock, quarantine (awaiting release), returns, rejected', '库区类型（合格/冷链/待验/退货/不合格）'),
);

const version = Type.Integer({ minimum: 1, ...doc('the version last read; a different current version is a conflict', '版本号（乐观锁）') });

export const ZoneFields = {
  nameZh: Type.String({ minLength: 1, maxLength: 100, ...doc('zone name in Chinese', '库区名称') }),
  nameEn: Type.String({ minLength: 1, maxLength: 100, ...doc('zone name in English', '库区英文名称') }),
  zoneType: ZoneType,
  storageCondition: StorageConditionSchema,
  active: Type.Boolean(doc('stock may be put here', '启用')),
};

export const ZoneInput = Type.Object({
  code: Type.String({ pattern: CODE, ...doc('zone code, unique within the warehouse', '库区编码') }),
  nameZh: ZoneFields.nameZh,
  nameEn: Type.Optional(ZoneFields.nameEn),
  zoneType: ZoneFields.zoneType,
  storageCondition: ZoneFields.storageCondition,
  active: Type.Optional(ZoneFields.active),
}, { ...closed, ...doc('a zone of a warehouse with the storage condition it holds', '库区') });
export type ZoneInput = Static<typeof ZoneInput>;

export const ZonePatch = Type.Object({
  version,
  nameZh: Type.Optional(ZoneFields.nameZh),
  nameEn: Type.Optional(Nullable(ZoneFields.nameEn)),
  zoneType: Type.Optional(ZoneFields.zoneType),
  storageCondition: Type.Optional(ZoneFields.storageCondition),
  active: Type.Optional(ZoneFields.active),
}, { ...closed, ...doc('changes to a zone', '库区变更') });
export type ZonePatch = Static<typeof ZonePatch>;

export const BinFields = {
  zoneCode: Type.String({ pattern: CODE, ...doc('code of the zone the bin is in', '所属库区编码') }),
  pickSequence: Type.Integer({ minimum: 0, maximum: 1_000_000, ...doc('position on the pick path: pickers visit bins in this order', '拣货顺序') }),
  active: Type.Boolean(doc('stock may be put here', '启用')),
};

export const BinInput = Type.Object({
  code: Type.String({ pattern: CODE, ...doc('bin location code, unique within the warehouse', '货位编码') }),
  zoneCode: BinFields.zoneCode,
  pickSequence: Type.Optional(BinFields.pickSequence),
  active: Type.Optional(BinFields.active),
}, { ...closed, ...doc('a bin location', '货位') });
export type BinInput = Static<typeof BinInput>;

export const BinPatch = Type.Object({
  version,
  zoneCode: Type.Optional(BinFields.zoneCode),
  pickSequence: Type.Optional(BinFields.pickSequence),
  active: Type.Optional(BinFields.active),
}, { ...closed, ...doc('changes to a bin location', '货位变更') });
export type BinPatch = Static<typeof BinPatch>;

export const WarehouseFields = {
  nameZh: Type.String({ minLength: 1, maxLength: 200, ...doc('warehouse name in Chinese', '仓库名称') }),
  nameEn: Type.String({ minLength: 1, maxLength: 200, ...doc('warehouse name in English', '仓库英文名称') }),
  addressLine: Type.String({ minLength: 1, maxLength: 300, ...doc('street address', '详细地址') }),
  city: Type.String({ minLength: 1, maxLength: 100, ...doc('city', '城市') }),
  province: Type.String({ minLength: 1, maxLength: 100, ...doc('province or state', '省份') }),
  postcode: Type.String({ minLength: 1, maxLength: 20, ...doc('postal code', '邮政编码') }),
  country: Type.String({ pattern: '^[A-Z]{2}$', ...doc('ISO 3166 country code, CN by default', '国家代码') }),
  gln: Type.String({ pattern: '^[0-9]{13}$', ...doc('GS1 Global Location Number of the warehouse (check digit verified)', '全球位置码 GLN') }),
  active: Type.Boolean(doc('the warehouse is in use', '启用')),
};
const W = WarehouseFields;

export const WarehouseInput = Type.Object({
  code: Type.String({ pattern: CODE, ...doc('warehouse code, the natural key', '仓库编码') }),
  nameZh: W.nameZh,
  nameEn: Type.Optional(W.nameEn),
  addressLine: Type.Optional(W.addressLine),
  city: Type.Optional(W.city),
  province: Type.Optional(W.province),
  postcode: Type.Optional(W.postcode),
  country: Type.Optional(W.country),
  gln: Type.Optional(W.gln),
  active: Type.Optional(W.active),
  zones: Type.Optional(Type.Array(ZoneInput, { maxItems: 200, ...doc('zones of the warehouse', '库区') })),
  bins: Type.Optional(Type.Array(BinInput, { maxItems: 5000, ...doc('bin locations, each naming its zone', '货位') })),
}, { ...closed, ...doc('a warehouse, optionally with its zones and bins', '仓库') });
export type WarehouseInput = Static<typeof WarehouseInput>;

export const WarehousePatch = Type.Object({
  version,
  nameZh: Type.Optional(W.nameZh),
  nameEn: Type.Optional(Nullable(W.nameEn)),
  addressLine: Type.Optional(Nullable(W.addressLine)),
  city: Type.Optional(Nullable(W.city)),
  province: Type.Optional(Nullable(W.province)),
  postcode: Type.Optional(Nullable(W.postcode)),
  country: Type.Optional(W.country),
  gln: Type.Optional(Nullable(W.gln)),
  active: Type.Optional(W.active),
}, { ...closed, ...doc('changes to a warehouse', '仓库变更') });
export type WarehousePatch = Static<typeof WarehousePatch>;

export const WarehouseListQuery = Type.Object({
  q: Type.Optional(Type.String({ maxLength: 100, ...doc('search in code, names and city', '搜索（编码/名称/城市）') })),
  active: Type.Optional(Type.Boolean(doc('only active (true) or only deactivated (false) warehouses', '启用'))),
  ...PageQuery,
});

export const BinListQuery = Type.Object({
  zoneCode: Type.Optional(Type.String({ pattern: CODE, ...doc('only bins of this zone', '库区编码') })),
  active: Type.Optional(Type.Boolean(doc('only active (true) or only deactivated (false) bins', '启用'))),
  ...PageQuery,
});
