import { Type } from 'typebox';
import { Answer, DateString, Nullable, Page, Timestamp } from '../../platform/http/schemas.ts';

/** The answers of the warehouse routes (get-pick-list.ts, create-pick-list.ts, scan-pick.ts, pack-package.ts, get-package.ts, …). */

export const PickListPage = Answer(Page(Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: Type.String(),
  status: Type.String(),
  warehouseId: Type.String(),
  lines: Type.Integer(),
  units: Type.Integer(),
  picked: Type.Integer(),
  createdAt: Timestamp(),
})));

export const CreatedPickListAnswer = Answer(Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: Type.Union([Type.Literal('order'), Type.Literal('wave')]),
  warehouseId: Type.String(),
  orderIds: Type.Array(Type.String()),
  lines: Type.Integer(),
  units: Type.Integer(),
}));

/** One line of a pick list (get-pick-list.ts derives its view types from these schemas). */
/** A device and the lot of it a pick or shipment line holds. */
const LotOfDevice = Type.Object({
  deviceId: Type.String(),
  deviceCode: Type.String(),
  deviceNameZh: Type.String(),
  deviceNameEn: Nullable(Type.String()),
  lotId: Type.String(),
  lotNumber: Type.String(),
  expiresOn: DateString(),
});

export const PickListLine = Type.Object({
  id: Type.String(),
  seq: Type.Integer(),
  orderId: Type.String(),
  orderNumber: Type.String(),
  lineNo: Type.Integer(),
  binId: Type.String(),
  binCode: Type.String(),
  ...LotOfDevice.properties,
  quantity: Type.Integer(),
  picked: Type.Integer(),
});

export const PickList = Type.Object({
  id: Type.String(),
  number: Type.String(),
  kind: Type.Union([Type.Literal('order'), Type.Literal('wave')]),
  status: Type.String(),
  warehouseId: Type.String(),
  warehouseCode: Type.String(),
  orderIds: Type.Array(Type.String()),
  createdBy: Type.String(),
  createdAt: Timestamp(),
  completedAt: Nullable(Timestamp()),
  lines: Type.Array(PickListLine, { description: 'in walking order' }),
});

export const PickListAnswer = Answer(PickList);

export const AcceptedScanAnswer = Answer(Type.Object({
  pickId: Type.String(),
  pickListId: Type.String(),
  pickListStatus: Type.String(),
  lineId: Type.String(),
  orderId: Type.String(),
  lineNo: Type.Integer(),
  deviceId: Type.String(),
  lotId: Type.String(),
  serialId: Nullable(Type.String()),
  binId: Type.String(),
  quantity: Type.Integer(),
  substitute: Type.Boolean({ description: 'the scanned lot replaced the allocated one' }),
  orderStatus: Type.String(),
}));

export const PackedPackageAnswer = Answer(Type.Object({
  id: Type.String(),
  sscc: Type.String(),
  orderId: Type.String(),
  status: Type.String(),
  units: Type.Integer(),
  picks: Type.Array(Type.String()),
  orderStatus: Type.String(),
}));

export const PackageAnswer = Answer(Type.Object({
  id: Type.String(),
  sscc: Type.String(),
  orderId: Type.String(),
  orderNumber: Type.String(),
  status: Type.String(),
  weightG: Nullable(Type.Integer()),
  lengthMm: Nullable(Type.Integer()),
  widthMm: Nullable(Type.Integer()),
  heightMm: Nullable(Type.Integer()),
  reviewedBy: Nullable(Type.String()),
  reviewedAt: Nullable(Timestamp()),
  reviewMeaning: Nullable(Type.String()),
  shipmentId: Nullable(Type.String()),
  createdBy: Type.String(),
  createdAt: Timestamp(),
  content: Type.Array(Type.Object({
    pickId: Type.String(),
    lineNo: Type.Integer(),
    deviceCode: Type.String(),
    lotNumber: Type.String(),
    expiresOn: DateString(),
    serial: Nullable(Type.String()),
    quantity: Type.Integer(),
    pickedBy: Type.String(),
  })),
}));

export const ReviewedPackageAnswer = Answer(Type.Object({
  id: Type.String(),
  sscc: Type.String(),
  status: Type.String(),
  reviewedBy: Type.String(),
  reviewedAt: Timestamp(),
  reviewMeaning: Type.String(),
}));

export const ShippedOrderAnswer = Answer(Type.Object({
  id: Type.String(),
  number: Type.String(),
  orderId: Type.String(),
  status: Type.String(),
  packageIds: Type.Array(Type.String()),
  units: Type.Integer(),
  lines: Type.Integer(),
  orderStatus: Type.String(),
}));

export const DeliveredShipmentAnswer = Answer(Type.Object({
  id: Type.String(),
  number: Type.String(),
  orderId: Type.String(),
  status: Type.Literal('delivered'),
  deliveredAt: Timestamp(),
  receivedBy: Type.String(),
  podReference: Nullable(Type.String()),
  orderStatus: Type.String(),
}));

/** A shipment's head (get-shipment.ts derives its view types from these schemas). */
export const ShipmentSummary = Type.Object({
  id: Type.String(),
  number: Type.String(),
  orderId: Type.String(),
  orderNumber: Type.String(),
  customerId: Type.String(),
  shipToId: Nullable(Type.String()),
  warehouseId: Type.String(),
  carrier: Type.String(),
  trackingNumber: Type.String(),
  status: Type.String(),
  shippedBy: Type.String(),
  shippedAt: Timestamp(),
  deliveredAt: Nullable(Timestamp()),
  receivedBy: Nullable(Type.String()),
  podReference: Nullable(Type.String()),
});

export const ShipmentPage = Answer(Page(ShipmentSummary));

export const ShipmentLine = Type.Object({
  lineNo: Type.Integer(),
  ...LotOfDevice.properties,
  serial: Nullable(Type.String()),
  packageId: Nullable(Type.String()),
  sscc: Nullable(Type.String()),
  quantity: Type.Integer(),
  qtyReturned: Type.Integer(),
});

export const ShipmentAnswer = Answer(Type.Object({
  ...ShipmentSummary.properties,
  lines: Type.Array(ShipmentLine),
}));
