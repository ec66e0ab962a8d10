import { Type } from 'typebox';
import { Answer, DateString, Nullable, Page, RecordStampFields } from '../../platform/http/schemas.ts';

/** The answers of the party and licence routes (party-view.ts, get-party.ts, licence-view.ts). */
const Stamp = RecordStampFields;

export const PartyAnswer = Type.Object({
  id: Type.String(),
  code: Type.String(),
  kind: Type.Union([Type.Literal('customer'), Type.Literal('supplier'), Type.Literal('carrier')]),
  customerType: Nullable(Type.String()),
  nameZh: Type.String(),
  nameEn: Nullable(Type.String()),
  creditCode: Nullable(Type.String()),
  paymentTermsDays: Type.Integer(),
  creditLimitMinor: Nullable(Type.Integer()),
  currency: Type.String(),
  priorityTier: Type.Integer(),
  minShelfLifeDays: Nullable(Type.Integer()),
  minShelfLifePct: Nullable(Type.Integer()),
  requiresSerialCapture: Type.Boolean(),
  leadTimeDays: Nullable(Type.Integer()),
  notes: Nullable(Type.String()),
  active: Type.Boolean(),
  ...Stamp,
});

export const PartyPage = Answer(Page(PartyAnswer));

export const LicenceAnswer = Type.Object({
  id: Type.String(),
  partyId: Type.String(),
  licenceType: Type.String(),
  number: Type.String(),
  deviceClasses: Type.Array(Type.String()),
  categoryCodes: Type.Array(Type.String()),
  validFrom: DateString(),
  validTo: Nullable(DateString()),
  issuingAuthority: Nullable(Type.String()),
  documentRef: Nullable(Type.String()),
  ...Stamp,
});

export const PartyDetailAnswer = Answer(Type.Object({
  ...PartyAnswer.properties,
  bankDetails: Type.Optional(Nullable(Type.String())),
  addresses: Type.Array(Type.Object({
    id: Type.String(),
    partyId: Type.String(),
    code: Type.String(),
    kind: Type.String(),
    name: Type.String(),
    line1: Type.String(),
    city: Nullable(Type.String()),
    province: Nullable(Type.String()),
    postcode: Nullable(Type.String()),
    country: Type.String(),
    gln: Nullable(Type.String()),
    coldChainCapable: Type.Boolean(),
    isDefault: Type.Boolean(),
  })),
  contacts: Type.Array(Type.Object({
    id: Type.String(),
    role: Nullable(Type.String()),
    name: Type.Optional(Type.String()),
    phone: Type.Optional(Nullable(Type.String())),
    email: Type.Optional(Nullable(Type.String())),
  })),
  identifiers: Type.Array(Type.Object({ scheme: Type.String(), value: Type.String() })),
  licences: Type.Array(LicenceAnswer),
  carrierServices: Type.Array(Type.Object({
    id: Type.String(),
    partyId: Type.String(),
    code: Type.String(),
    name: Type.String(),
    transitDays: Type.Integer(),
    coldChainCapable: Type.Boolean(),
    active: Type.Boolean(),
  })),
  sensitiveHidden: Type.Boolean(),
}));

export const ExpiringLicencePage = Answer(Type.Object({
  ...Page(Type.Object({
    ...LicenceAnswer.properties,
    partyCode: Type.String(),
    partyNameZh: Type.String(),
    partyNameEn: Nullable(Type.String()),
    partyKind: Type.String(),
    daysLeft: Type.Integer(),
    renewed: Type.Boolean(),
  })).properties,
  asOf: DateString(),
}));
