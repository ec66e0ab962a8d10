import { Type } from 'typebox';
import { Answer, DateString, Nullable, Page, Timestamp } from '../../platform/http/schemas.ts';
import { TimelineEntry } from '../../platform/audit/timeline-schema.ts';

/** The answers of the inventory and allocation routes (list-stock.ts, list-near-expiry.ts, get-lot.ts, allocate-order.ts). */

export const StockRowAnswer = Type.Object({
  lotId: Type.String(),
  lotNumber: Type.String(),
  lotStatus: Type.String(),
  expiresOn: DateString(),
  manufacturedOn: Nullable(DateString()),
  deviceId: Type.String(),
  deviceCode: Type.String(),
  deviceNameZh: Type.String(),
  warehouseId: Type.String(),
  warehouseCode: Type.String(),
  binId: Type.String(),
  binCode: Type.String(),
  zoneType: Type.String(),
  onHand: Type.Integer(),
  allocated: Type.Integer(),
  free: Type.Integer({ description: 'on hand − allocated' }),
});

export const StockPage = Answer(Page(StockRowAnswer));

export const NearExpiryAnswer = Answer(Type.Object({
  today: DateString(),
  buckets: Type.Array(Type.Object({
    bucket: Type.String(),
    maxDays: Type.Integer(),
    lots: Type.Array(Type.Object({
      lotId: Type.String(),
      lotNumber: Type.String(),
      status: Type.String(),
      expiresOn: DateString(),
      daysLeft: Type.Integer(),
      deviceId: Type.String(),
      deviceCode: Type.String(),
      deviceNameZh: Type.String(),
      onHand: Type.Integer(),
      allocated: Type.Integer(),
    })),
    onHand: Type.Integer(),
  })),
}));

export const LotAnswer = Answer(Type.Object({
  id: Type.String(),
  deviceId: Type.String(),
  deviceCode: Type.String(),
  deviceNameZh: Type.String(),
  lotNumber: Type.String(),
  manufacturedOn: Nullable(DateString()),
  expiresOn: DateString(),
  status: Type.String(),
  statusReason: Nullable(Type.String()),
  supplierId: Nullable(Type.String()),
  supplierLot: Nullable(Type.String()),
  releasedBy: Nullable(Type.String()),
  releasedAt: Nullable(Timestamp()),
  createdAt: Timestamp(),
  updatedAt: Timestamp(),
  documents: Type.Array(Type.Object({
    id: Type.String(),
    kind: Type.String(),
    reference: Type.String(),
    issuedOn: Nullable(DateString()),
    createdBy: Nullable(Type.String()),
    createdAt: Timestamp(),
  })),
  balances: Type.Array(StockRowAnswer),
  serials: Type.Array(Type.Object({
    id: Type.String(),
    serial: Type.String(),
    status: Type.String(),
    binId: Nullable(Type.String()),
    binCode: Nullable(Type.String()),
  })),
  allocations: Type.Array(Type.Object({
    id: Type.String(),
    orderId: Type.String(),
    orderNumber: Type.String(),
    lineNo: Type.Integer(),
    binId: Type.String(),
    quantity: Type.Integer(),
    picked: Type.Integer(),
    status: Type.String(),
  })),
  history: Type.Array(TimelineEntry),
}));

export const OrderAllocationsAnswer = Answer(Type.Object({
  orderId: Type.String(),
  number: Type.String(),
  version: Type.Integer(),
  items: Type.Array(Type.Object({
    id: Type.String(),
    lineNo: Type.Integer(),
    deviceId: Type.String(),
    deviceCode: Type.String(),
    lotId: Type.String(),
    lotNumber: Type.String(),
    expiresOn: DateString(),
    lotStatus: Type.String(),
    warehouseCode: Type.String(),
    binId: Type.String(),
    binCode: Type.String(),
    quantity: Type.Integer(),
    picked: Type.Integer(),
    status: Type.String(),
    createdAt: Timestamp(),
  })),
}));

const PromiseBasis = Type.Union([Type.Literal('stock'), Type.Literal('inbound'), Type.Literal('production'), Type.Literal('lead_time')]);

/** One line's promise: when it can ship and be delivered, and what supplies it. */
export const LinePromiseAnswer = Type.Object({
  lineNo: Type.Integer(),
  shipDate: Nullable(DateString()),
  deliveryDate: Nullable(DateString()),
  basis: PromiseBasis,
  fromStock: Type.Integer(),
  fromInbound: Type.Integer(),
  fromProduction: Type.Integer(),
  fromLeadTime: Type.Integer(),
  lotIds: Type.Array(Type.String()),
  purchaseOrders: Type.Array(Type.String()),
  workOrders: Type.Array(Type.String()),
});

/** An allocation run's outcome (allocate-order.ts AllocationOutcome) without the order's id and number. */
export const AllocationRun = {
  status: Type.String(),
  shipDate: DateString(),
  promisedDate: Nullable(DateString()),
  allocations: Type.Array(Type.Object({
    allocationId: Type.String(),
    lineNo: Type.Integer(),
    deviceId: Type.String(),
    lotId: Type.String(),
    binId: Type.String(),
    quantity: Type.Integer(),
  })),
  backOrders: Type.Array(Type.Object({ lineNo: Type.Integer(), quantity: Type.Integer(), promisedDate: Nullable(DateString()), basis: PromiseBasis })),
  releasedUnits: Type.Integer(),
  lines: Type.Array(LinePromiseAnswer),
};

export const AllocationAnswer = Answer(Type.Object({ orderId: Type.String(), number: Type.String(), ...AllocationRun }));
