import { Type, type Static } from 'typebox';

/** One schema per input: it validates API bodies and import rows, and feeds the OpenAPI document. */
export const ContactInput = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 100, description: 'contact person (personal data, encrypted)' }),
  role: Type.Optional(Type.String({ maxLength: 100 })),
  phone: Type.Optional(Type.String({ maxLength: 40, pattern: '^[0-9+() -]{3,40}$' })),
  email: Type.Optional(Type.String({ maxLength: 200, format: 'email' })),
});

export const AddressInput = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40 }),
  kind: Type.Union([Type.Literal('ship_to'), Type.Literal('bill_to')]),
  name: Type.String({ minLength: 1, maxLength: 200 }),
  line1: Type.String({ minLength: 1, maxLength: 300 }),
  city: Type.Optional(Type.String({ maxLength: 100 })),
  province: Type.Optional(Type.String({ maxLength: 100 })),
  postcode: Type.Optional(Type.String({ maxLength: 20 })),
  country: Type.Optional(Type.String({ pattern: '^[A-Z]{2}$' })),
  gln: Type.Optional(Type.String({ pattern: '^[0-9]{13}$' })),
  coldChainCapable: Type.Optional(Type.Boolean()),
  isDefault: Type.Optional(Type.Boolean()),
});

export const IdentifierInput = Type.Object({
  scheme: Type.Union([Type.Literal('GLN'), Type.Literal('DUNS'), Type.Literal('PARTNER')]),
  value: Type.String({ minLength: 1, maxLength: 64 }),
});

export const PartyInput = Type.Object({
  code: Type.String({ minLength: 1, maxLength: 40, pattern: '^[A-Za-z0-9._-]+$' }),
  kind: Type.Union([Type.Literal('customer'), Type.Literal('supplier'), Type.Literal('carrier')]),
  customerType: Type.Optional(Type.Union([Type.Literal('hospital'), Type.Literal('distributor'), Type.Literal('dealer')])),
  nameZh: Type.String({ minLength: 1, maxLength: 200 }),
  nameEn: Type.Optional(Type.String({ maxLength: 200 })),
  creditCode: Type.Optional(Type.String({ pattern: '^[0-9A-HJ-NPQRTUWXY]{18}$', description: '统一社会信用代码' })),
  paymentTermsDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 365 })),
  creditLimitMinor: Type.Optional(Type.Integer({ minimum: 0, description: 'credit limit in minor units (fen, cents)' })),
  currency: Type.Optional(Type.String({ pattern: '^[A-Z]{3}$' })),
  priorityTier: Type.Optional(Type.Integer({ minimum: 1, maximum: 5 })),
  minShelfLifeDays: Type.Optional(Type.Integer({ minimum: 0, maximum: 3650 })),
  minShelfLifePct: Type.Optional(Type.Integer({ minimum: 0, maximum: 100 })),
  requiresSerialCapture: Type.Optional(Type.Boolean()),
  bankDetails: Type.Optional(Type.String({ maxLength: 500, description: 'sensitive: encrypted at rest' })),
  notes: Type.Optional(Type.String({ maxLength: 2000 })),
  active: Type.Optional(Type.Boolean()),
  addresses: Type.Optional(Type.Array(AddressInput, { maxItems: 200 })),
  contacts: Type.Optional(Type.Array(ContactInput, { maxItems: 50 })),
  identifiers: Type.Optional(Type.Array(IdentifierInput, { maxItems: 20 })),
});
export type PartyInput = Static<typeof PartyInput>;
