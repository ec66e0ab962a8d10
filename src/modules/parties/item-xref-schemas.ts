import { Type, type Static } from 'typebox';
import { PackagingLevel } from '../catalog/device-schemas.ts';
import { VersionField } from './party-patch-schemas.ts';
import { Nullable, doc } from '../../platform/schema-doc.ts';
import type { RecordStamp } from '../../platform/record-stamp.ts';

export const ItemXrefFields = {
  partnerItemCode: Type.String({ minLength: 1, maxLength: 64, pattern: '^\\S(.*\\S)?$', ...doc("the partner's own item code (buyer or supplier part number)", '客户/供应商物料编码') }),
  deviceId: Type.String({ format: 'uuid', ...doc('our device it means', '对应产品') }),
  packagingLevel: PackagingLevel,
  description: Type.String({ maxLength: 300, ...doc("the partner's description of the item", '对方品名描述') }),
};

export const ItemXrefInput = Type.Object({
  partnerItemCode: ItemXrefFields.partnerItemCode,
  deviceId: ItemXrefFields.deviceId,
  packagingLevel: ItemXrefFields.packagingLevel,
  description: Type.Optional(ItemXrefFields.description),
}, doc("a partner's item code mapped to one of our devices at one packaging level", '物料编码对照'));
export type ItemXrefInput = Static<typeof ItemXrefInput>;

export const ItemXrefPatch = Type.Object({
  version: VersionField,
  deviceId: Type.Optional(ItemXrefFields.deviceId),
  packagingLevel: Type.Optional(ItemXrefFields.packagingLevel),
  description: Type.Optional(Nullable(ItemXrefFields.description)),
}, doc('changes to an item cross-reference', '物料编码对照修改'));
export type ItemXrefPatch = Static<typeof ItemXrefPatch>;

export interface ItemXrefView extends RecordStamp {
  id: string;
  partyId: string;
  partnerItemCode: string;
  deviceId: string;
  packagingLevel: ItemXrefInput['packagingLevel'];
  description: string | null;
}

export const ITEM_XREF_COLUMNS = `x.id, x.party_id AS "partyId", x.partner_item_code AS "partnerItemCode", x.device_id AS "deviceId",
  x.packaging_level AS "packagingLevel", x.description, x.version, x.source, x.source_ref AS "sourceRef",
  x.created_by AS "createdBy", x.updated_by AS "updatedBy", x.created_at AS "createdAt", x.updated_at AS "updatedAt"`;
