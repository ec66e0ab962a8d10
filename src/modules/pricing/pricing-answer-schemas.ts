import { Type } from 'typebox';
import { Answer, DateString, Nullable, Page, RecordStampFields } from '../../platform/http/schemas.ts';

/** The answers of the pricing routes (quote.ts, price-list-view.ts, contract-view.ts). */

/** Why a price applies, in both languages, with what it came from (types.ts QuoteExplanation). */
export const QuoteExplanation = Type.Object({
  en: Type.String(),
  zh: Type.String(),
  contractNo: Type.Optional(Type.String()),
  priceListCode: Type.Optional(Type.String()),
  breakMinQty: Type.Optional(Type.Integer()),
  discountBp: Type.Optional(Type.Integer()),
});

export const PriceSource = Type.Union([Type.Literal('contract'), Type.Literal('price_list'), Type.Literal('break')]);

export const QuoteAnswer = Answer(Type.Object({
  customerId: Type.String(),
  currency: Type.String(),
  date: DateString(),
  channel: Nullable(Type.String()),
  lines: Type.Array(Type.Object({
    lineNo: Type.Integer(),
    deviceId: Type.String(),
    quantity: Type.Integer(),
    unitPriceMinor: Type.Optional(Type.Integer({ description: 'absent when nothing prices the line (see error)' })),
    currency: Type.Optional(Type.String()),
    source: Type.Optional(PriceSource),
    explanation: Type.Optional(QuoteExplanation),
    belowFloor: Type.Optional(Type.Boolean({ description: 'absent for organisation-scoped actors' })),
    floorMinor: Type.Optional(Type.Integer()),
    error: Type.Optional(Type.Object({
      code: Type.Literal('PRICE_NOT_FOUND'),
      reason: Type.Union([Type.Literal('no_price'), Type.Literal('currency_mismatch')]),
      message: Type.String(),
      zh: Type.String(),
    })),
  }, { description: 'a priced line, or one with a PRICE_NOT_FOUND error instead of a price' })),
}));

export const PriceListPage = Answer(Page(Type.Object({
  id: Type.String(),
  code: Type.String(),
  name: Type.String(),
  currency: Type.String(),
  validFrom: DateString(),
  validTo: Nullable(DateString()),
  channel: Nullable(Type.String()),
  customerId: Nullable(Type.String()),
  active: Type.Boolean(),
  lineCount: Type.Integer(),
  ...RecordStampFields,
})));

export const CreatedPriceList = Answer(Type.Object({ id: Type.String(), code: Type.String() }));

export const ContractPage = Answer(Page(Type.Object({
  id: Type.String(),
  contractNo: Type.String(),
  customerId: Type.String(),
  channel: Nullable(Type.String()),
  currency: Type.String(),
  validFrom: DateString(),
  validTo: Nullable(DateString()),
  priceListId: Nullable(Type.String()),
  discountBp: Nullable(Type.Integer()),
  discountPercent: Nullable(Type.String({ description: 'a decimal string' })),
  active: Type.Boolean(),
  priceCount: Type.Integer(),
  ...RecordStampFields,
})));

export const CreatedContract = Answer(Type.Object({ id: Type.String(), contractNo: Type.String() }));
