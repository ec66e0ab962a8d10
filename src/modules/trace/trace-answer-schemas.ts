import { Type } from 'typebox';
import { Answer, DateString, Nullable, Timestamp } from '../../platform/http/schemas.ts';

/** The answers of the trace routes (lot-head.ts, trace-lot.ts, trace-order.ts, trace-serial.ts, trace-package.ts, trace-scan.ts). */

const PartyName = Type.Object({ id: Type.String(), code: Type.String(), nameZh: Type.String(), nameEn: Nullable(Type.String()) });
const Quantities = { shipped: Type.Integer(), returned: Type.Integer(), net: Type.Integer({ description: 'shipped − returned' }) };
const Udi = Type.Object({ raw: Type.String({ description: 'the element string a scanner sends' }), hri: Type.String({ description: 'the human-readable interpretation' }) });

const LotHead = Type.Object({
  id: Type.String(),
  lotNumber: Type.String(),
  manufacturedOn: Nullable(DateString()),
  expiresOn: DateString(),
  status: Type.String(),
  device: Type.Object({
    ...PartyName.properties,
    deviceClass: Type.String(),
    trackingMode: Type.String(),
    registrationNumber: Nullable(Type.String()),
    registrationExpiresOn: Nullable(DateString()),
    eachGtin: Nullable(Type.String()),
  }),
  documents: Type.Array(Type.Object({ kind: Type.String(), reference: Type.String(), issuedOn: Nullable(DateString()) })),
  release: Nullable(Type.Object({ by: Type.String(), at: Timestamp(), meaning: Nullable(Type.String()), signedBy: Nullable(Type.String()) })),
});

const LotTrace = {
  lot: LotHead,
  consignees: Type.Array(Type.Object({
    customer: PartyName,
    shipTo: Nullable(Type.Object({
      id: Type.String(),
      code: Type.String(),
      name: Type.String(),
      line1: Type.String(),
      city: Nullable(Type.String()),
      province: Nullable(Type.String()),
      postcode: Nullable(Type.String()),
      country: Type.String(),
    })),
    shipments: Type.Array(Type.Object({
      ...Quantities,
      shipmentId: Type.String(),
      number: Type.String(),
      shippedAt: Timestamp(),
      status: Type.String(),
      orderId: Type.String(),
      orderNumber: Type.String(),
    })),
    totals: Type.Object(Quantities),
  })),
  totals: Type.Object({ ...Quantities, consignees: Type.Integer(), shipments: Type.Integer() }),
  onHand: Type.Array(Type.Object({
    warehouseCode: Type.String(),
    binCode: Type.String(),
    zoneType: Type.String(),
    onHand: Type.Integer(),
    allocated: Type.Integer(),
  }), { description: 'where the rest of the lot is now; empty for a portal user' }),
  restricted: Type.Boolean({ description: 'the consignees are only the actor’s, not the lot’s whole recall scope' }),
};

const ShippedUnit = Type.Object({
  lineNo: Type.Integer(),
  deviceCode: Type.String(),
  gtin: Nullable(Type.String()),
  lotId: Type.String(),
  lotNumber: Type.String(),
  expiresOn: DateString(),
  serial: Nullable(Type.String()),
  quantity: Type.Integer(),
  returned: Type.Integer(),
  udi: Nullable(Udi),
});

const TracedOrder = Type.Object({ id: Type.String(), number: Type.String(), status: Type.String(), customer: PartyName });
const ShipmentHead = {
  id: Type.String(),
  number: Type.String(),
  shippedAt: Timestamp(),
  status: Type.String(),
  carrier: Type.String(),
  trackingNumber: Type.String(),
};

const OrderTrace = {
  order: TracedOrder,
  shipments: Type.Array(Type.Object({ ...ShipmentHead, packages: Type.Array(Type.Object({ sscc: Nullable(Type.String()), units: Type.Array(ShippedUnit) })) })),
  lots: Type.Array(LotHead),
  totals: Type.Object({ ...Quantities, lots: Type.Integer(), serials: Type.Integer() }),
};

const ShipTo = Type.Object({ code: Type.String(), name: Type.String(), line1: Type.String(), city: Nullable(Type.String()) });
const SerialStep = Type.Union([
  Type.Object({
    kind: Type.Literal('move'),
    at: Timestamp(),
    moveType: Type.String(),
    quantity: Type.Integer(),
    fromBin: Nullable(Type.String()),
    toBin: Nullable(Type.String()),
    warehouse: Nullable(Type.String()),
    reason: Nullable(Type.String()),
    actor: Type.String(),
    receiptNumber: Nullable(Type.String()),
    orderNumber: Nullable(Type.String()),
    customerCode: Nullable(Type.String()),
    customerName: Nullable(Type.String()),
  }),
  Type.Object({
    kind: Type.Literal('pick'),
    at: Timestamp(),
    orderNumber: Type.String(),
    lineNo: Type.Integer(),
    bin: Type.String(),
    packageSscc: Nullable(Type.String()),
    pickedBy: Type.String(),
  }),
  Type.Object({
    kind: Type.Literal('shipment'),
    at: Timestamp(),
    shipmentNumber: Type.String(),
    orderNumber: Type.String(),
    packageSscc: Nullable(Type.String()),
    returned: Type.Integer(),
    customer: PartyName,
    shipTo: Nullable(ShipTo),
  }),
]);

const SerialTrace = {
  gtin: Type.String(),
  serial: Type.String(),
  unitId: Type.String(),
  status: Type.String(),
  device: PartyName,
  lot: Nullable(Type.Object({ id: Type.String(), lotNumber: Type.String(), expiresOn: DateString(), status: Type.String() })),
  udi: Nullable(Udi),
  binCode: Nullable(Type.String()),
  history: Type.Array(SerialStep),
  restricted: Type.Boolean(),
};

const PackageTrace = {
  sscc: Type.String(),
  order: TracedOrder,
  shipment: Nullable(Type.Object(ShipmentHead)),
  units: Type.Array(ShippedUnit),
  lots: Type.Array(LotHead),
};

export const LotTraceAnswer = Answer(Type.Object(LotTrace));
export const OrderTraceAnswer = Answer(Type.Object(OrderTrace));
export const SerialTraceAnswer = Answer(Type.Object(SerialTrace));
export const ScanTraceAnswer = Answer(Type.Union([
  Type.Object({ kind: Type.Literal('serial'), ...SerialTrace }),
  Type.Object({ kind: Type.Literal('lot'), ...LotTrace }),
  Type.Object({ kind: Type.Literal('package'), ...PackageTrace }),
], { description: 'what the scanned code identified: a serial unit, a lot or a package (SSCC)' }));
