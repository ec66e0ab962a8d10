import { Type } from 'typebox';
import { Answer, Bilingual, DateString, Nullable, Page, Responses, Timestamp } from '../../platform/http/schemas.ts';
import { PriceSource, QuoteExplanation } from '../pricing/pricing-answer-schemas.ts';
import { OrderLineAnswer } from '../orders/order-answer-schemas.ts';

/** The answers of the hospital portal's routes (list-catalogue.ts, cart-view.ts, submit-cart.ts, portal-order-view.ts). */

const PortalPrice = Type.Object({
  unitPriceMinor: Type.Integer(),
  currency: Type.String(),
  source: PriceSource,
  explanation: QuoteExplanation,
});

export const CatalogueAnswer = Answer(Page(Type.Object({
  id: Type.String(),
  code: Type.String(),
  nameZh: Type.String(),
  nameEn: Nullable(Type.String()),
  deviceClass: Type.String(),
  registrationNumber: Nullable(Type.String()),
  registrationExpiresOn: Nullable(DateString()),
  storageCondition: Type.String(),
  coldChain: Type.Boolean(),
  sterile: Type.Boolean(),
  implantable: Type.Boolean(),
  baseUnit: Type.String(),
  packaging: Type.Array(Type.Object({ level: Type.String(), gtin: Type.String(), quantity: Type.Integer() }), { description: 'smallest level first' }),
  price: PortalPrice,
})));

export const CartAnswer = Answer(Type.Object({
  id: Nullable(Type.String()),
  status: Type.Union([Type.Literal('open'), Type.Literal('submitted')]),
  lines: Type.Array(Type.Object({
    lineNo: Type.Integer(),
    deviceId: Type.String(),
    deviceCode: Nullable(Type.String()),
    nameZh: Nullable(Type.String()),
    nameEn: Nullable(Type.String()),
    uom: Type.String(),
    quantity: Type.Integer(),
    baseQuantity: Nullable(Type.Integer({ description: 'null when the device no longer has this packaging level' })),
    price: Nullable(PortalPrice),
    lineTotalMinor: Nullable(Type.Integer()),
    problem: Nullable(Type.Object({ code: Type.String(), ...Bilingual.properties }, { description: 'why the line cannot be ordered as it stands' })),
  })),
  currency: Nullable(Type.String()),
  totalMinor: Type.Integer(),
  updatedAt: Nullable(Timestamp()),
}));

export const SubmittedCartAnswer = Answer(Type.Object({
  cartId: Type.String(),
  orderId: Type.String(),
  number: Type.String(),
  status: Type.String(),
  alreadySubmitted: Type.Boolean({ description: 'true (status 200) when this cart had been submitted before' }),
}));

/** 201 for the order just placed, 200 when the cart had been submitted before. */
export const SubmittedCartResponses = Responses({ 200: SubmittedCartAnswer, 201: SubmittedCartAnswer });

export const PortalOrderListAnswer = Answer(Page(Type.Object({
  id: Type.String(),
  number: Type.String(),
  externalPo: Nullable(Type.String()),
  status: Type.String(),
  requestedDate: Nullable(DateString()),
  promisedDate: Nullable(DateString()),
  currency: Type.String(),
  lines: Type.Integer(),
  createdAt: Timestamp(),
  totalMinor: Type.Number({ description: 'minor units' }),
})));

export const PortalOrderAnswer = Answer(Type.Object({
  id: Type.String(),
  number: Type.String(),
  externalPo: Nullable(Type.String()),
  status: Type.String(),
  requestedDate: Nullable(DateString()),
  promisedDate: Nullable(DateString()),
  currency: Type.String(),
  incoterms: Nullable(Type.String()),
  shipToId: Type.String(),
  billToId: Nullable(Type.String()),
  carrierServiceId: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  createdAt: Timestamp(),
  submittedAt: Nullable(Timestamp()),
  confirmedAt: Nullable(Timestamp()),
  // The staff order's line, less what a hospital does not see (allocation, picking, invoicing).
  lines: Type.Array(Type.Object({
    ...Type.Pick(OrderLineAnswer, ['lineNo', 'deviceId', 'deviceCode', 'deviceNameZh', 'deviceNameEn', 'uom', 'uomQuantity', 'ordered',
      'cancelled', 'shipped', 'delivered', 'unitPriceMinor', 'requestedDate', 'promisedDate', 'buyerItem', 'notes']).properties,
    priceExplanation: Type.Partial(Type.Object({ source: Type.String(), ...QuoteExplanation.properties })),
  })),
  holds: Type.Array(Type.Object({
    type: Type.String(),
    status: Type.String(),
    placedAt: Timestamp(),
    releasedAt: Nullable(Timestamp()),
    ...Bilingual.properties,
  })),
  timeline: Type.Array(Type.Object({ at: Timestamp(), status: Type.String() })),
}));
