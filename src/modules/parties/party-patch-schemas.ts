import { Type, type Static } from 'typebox';
import { AddressFields, CarrierServiceFields, ContactFields, CustomerType, PartyFields, PartyKind } from './party-schemas.ts';
import { Nullable, doc } from '../../platform/schema-doc.ts';

export const VersionField = Type.Integer({ minimum: 1, ...doc('the version you read; a change by someone else since then gives 409', '版本号（乐观锁）') });

/** PATCH /parties/:id: the fields to change (null clears an optional one) and the version read. */
export const PartyPatch = Type.Object({
  version: VersionField,
  code: Type.Optional(Type.String({ maxLength: 40, ...doc('the party code cannot change; sent back unchanged it is ignored', '单位编码（不可修改）') })),
  kind: Type.Optional(PartyKind),
  customerType: Type.Optional(CustomerType),
  nameZh: Type.Optional(PartyFields.nameZh),
  nameEn: Type.Optional(Nullable(PartyFields.nameEn)),
  creditCode: Type.Optional(Nullable(PartyFields.creditCode)),
  paymentTermsDays: Type.Optional(PartyFields.paymentTermsDays),
  creditLimitMinor: Type.Optional(Nullable(PartyFields.creditLimitMinor)),
  currency: Type.Optional(PartyFields.currency),
  priorityTier: Type.Optional(PartyFields.priorityTier),
  minShelfLifeDays: Type.Optional(Nullable(PartyFields.minShelfLifeDays)),
  minShelfLifePct: Type.Optional(Nullable(PartyFields.minShelfLifePct)),
  requiresSerialCapture: Type.Optional(PartyFields.requiresSerialCapture),
  leadTimeDays: Type.Optional(Nullable(PartyFields.leadTimeDays)),
  bankDetails: Type.Optional(Nullable(PartyFields.bankDetails)),
  notes: Type.Optional(Nullable(PartyFields.notes)),
}, doc('changes to a party', '往来单位修改'));
export type PartyPatch = Static<typeof PartyPatch>;

export const ActivationInput = Type.Object({
  version: VersionField,
  reason: Type.Optional(Type.String({ maxLength: 500, ...doc('why, for the audit trail', '原因') })),
}, doc('deactivate or reactivate a party', '停用/启用'));
export type ActivationInput = Static<typeof ActivationInput>;

export const AddressPatch = Type.Object({
  kind: Type.Optional(AddressFields.kind),
  name: Type.Optional(AddressFields.name),
  line1: Type.Optional(AddressFields.line1),
  city: Type.Optional(Nullable(AddressFields.city)),
  province: Type.Optional(Nullable(AddressFields.province)),
  postcode: Type.Optional(Nullable(AddressFields.postcode)),
  country: Type.Optional(AddressFields.country),
  gln: Type.Optional(Nullable(AddressFields.gln)),
  coldChainCapable: Type.Optional(AddressFields.coldChainCapable),
  isDefault: Type.Optional(AddressFields.isDefault),
}, doc('changes to an address', '地址修改'));
export type AddressPatch = Static<typeof AddressPatch>;

export const ContactPatch = Type.Object({
  name: Type.Optional(ContactFields.name),
  role: Type.Optional(Nullable(ContactFields.role)),
  phone: Type.Optional(Nullable(ContactFields.phone)),
  email: Type.Optional(Nullable(ContactFields.email)),
}, doc('changes to a contact', '联系人修改'));
export type ContactPatch = Static<typeof ContactPatch>;

export const CarrierServicePatch = Type.Object({
  name: Type.Optional(CarrierServiceFields.name),
  transitDays: Type.Optional(CarrierServiceFields.transitDays),
  coldChainCapable: Type.Optional(CarrierServiceFields.coldChainCapable),
  active: Type.Optional(CarrierServiceFields.active),
}, doc('changes to a carrier service', '承运服务修改'));
export type CarrierServicePatch = Static<typeof CarrierServicePatch>;
