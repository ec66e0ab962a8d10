import { Type, type TSchema } from 'typebox';
import { Answer, Bilingual, DateString, Nullable, Page, Responses, Timestamp } from '../../platform/http/schemas.ts';
import { TimelineEntry } from '../../platform/audit/timeline-schema.ts';
import { AllocationRun, LinePromiseAnswer } from '../inventory/inventory-answer-schemas.ts';

/** The answers of the order routes (list-orders.ts, get-order.ts, place-order.ts, order-commands.ts). */

/** A jsonb document that may carry more than the fields the API promises (those are named). */
const Open = <P extends Record<string, TSchema>>(props: P) => Type.Object(props, { additionalProperties: true });

export const OrderListAnswer = Answer(Page(Type.Object({
  id: Type.String(),
  number: Type.String(),
  channel: Type.String(),
  externalPo: Nullable(Type.String()),
  customerId: Type.String(),
  customerCode: Type.String(),
  customerName: Type.String(),
  status: Type.String(),
  requestedDate: Nullable(DateString()),
  promisedDate: Nullable(DateString()),
  currency: Type.String(),
  createdAt: Timestamp(),
  lines: Type.Integer(),
  totalMinor: Type.String({ description: 'minor units (a decimal string: a sum over the lines)' }),
  openHolds: Nullable(Type.Array(Type.String())),
})));

/** What a hold says about why it was placed: the rules that fired and who may approve it. */
export const HoldOrigin = Open({
  zh: Type.Optional(Type.String()),
  rules: Type.Optional(Type.Array(Open({ rule: Type.String(), ruleSet: Type.Optional(Type.Object({ id: Type.String(), name: Type.String(), version: Type.Integer() })), lineNo: Type.Optional(Nullable(Type.Integer())), facts: Type.Record(Type.String(), Type.Unknown()) }))),
  approvalRoles: Type.Optional(Type.Array(Type.String())),
});

export const OrderLineAnswer = Type.Object({
  lineNo: Type.Integer(),
  deviceId: Type.String(),
  deviceCode: Type.String(),
  deviceNameZh: Type.String(),
  deviceNameEn: Nullable(Type.String()),
  uom: Type.String(),
  uomQuantity: Type.Integer(),
  ordered: Type.Integer(),
  cancelled: Type.Integer(),
  allocated: Type.Integer(),
  picked: Type.Integer(),
  packed: Type.Integer(),
  shipped: Type.Integer(),
  delivered: Type.Integer(),
  invoiced: Type.Integer(),
  returned: Type.Integer(),
  unitPriceMinor: Type.Integer(),
  priceExplanation: Nullable(Open({ en: Type.Optional(Type.String()), zh: Type.Optional(Type.String()), source: Type.Optional(Type.String()) })),
  requestedDate: Nullable(DateString()),
  promisedDate: Nullable(DateString()),
  promiseBasis: Nullable(Type.Omit(LinePromiseAnswer, ['lineNo', 'deliveryDate'], { description: 'what the promised date rests on (set when the line is allocated)' })),
  buyerItem: Nullable(Type.String()),
  notes: Nullable(Type.String()),
});


export const OrderAnswer = Answer(Type.Object({
  id: Type.String(),
  number: Type.String(),
  version: Type.Integer(),
  channel: Type.String(),
  externalPo: Nullable(Type.String()),
  customerId: Type.String(),
  customerCode: Type.String(),
  customerName: Type.String(),
  shipToId: Type.String(),
  billToId: Nullable(Type.String()),
  carrierServiceId: Nullable(Type.String()),
  requestedDate: Nullable(DateString()),
  promisedDate: Nullable(DateString()),
  priority: Type.Integer(),
  currency: Type.String(),
  incoterms: Nullable(Type.String()),
  lifecycle: Type.String(),
  status: Type.String(),
  sourceType: Nullable(Type.String()),
  sourceRef: Nullable(Type.String()),
  notes: Nullable(Type.String()),
  cancelReason: Nullable(Type.String()),
  createdBy: Nullable(Type.String()),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
  submittedAt: Nullable(Timestamp()),
  confirmedAt: Nullable(Timestamp()),
  lines: Type.Array(OrderLineAnswer),
  holds: Type.Array(Type.Object({
    id: Type.String(),
    type: Type.String(),
    reason: Type.String(),
    origin: HoldOrigin,
    status: Type.String(),
    placedAt: Timestamp(),
    placedBy: Nullable(Type.String()),
    releasedAt: Nullable(Timestamp()),
    releasedBy: Nullable(Type.String()),
    releaseNote: Nullable(Type.String()),
  })),
  alerts: Type.Array(Type.Object({
    id: Type.String(),
    lineNo: Nullable(Type.Integer()),
    code: Type.String(),
    severity: Type.String(),
    en: Type.String(),
    zh: Type.String(),
    details: Type.Unknown(),
    createdAt: Timestamp(),
    acknowledgedAt: Nullable(Timestamp()),
    acknowledgedBy: Nullable(Type.String()),
  })),
  timeline: Type.Array(TimelineEntry),
}));

export const PlacedOrderAnswer = Answer(Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: Type.String(),
  alerts: Type.Array(Type.Object({ ...Bilingual.properties, code: Type.String(), severity: Type.String(), lineNo: Nullable(Type.Integer()) })),
  holds: Type.Array(Type.Object({ type: Type.String(), reason: Type.String() })),
  allocation: Type.Optional(Nullable(Type.Object(AllocationRun, { description: 'with ?allocate=true: the FEFO allocation made in the same transaction; null when the order did not confirm' }))),
}));

/** 201, also when an idempotent retry replays the first answer. */
export const PlacedOrderResponses = Responses({ 201: PlacedOrderAnswer });

/** A command's outcome: the order's new status and the events it caused. */
export const OrderCommandAnswer = Answer(Type.Object({
  id: Type.String(),
  number: Type.String(),
  status: Type.String(),
  events: Type.Array(Type.String()),
}));
