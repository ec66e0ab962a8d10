// What the pack, review, ship and shipment screens read (src/modules/fulfillment, shipping-docs).
import type { Bilingual, Page } from '../api/views';

export interface PackedPackage {
  id: string;
  sscc: string;
  orderId: string;
  status: string;
  units: number;
  picks: string[];
  orderStatus: string;
}

export interface PackageContent {
  pickId: string;
  lineNo: number;
  deviceCode: string;
  lotNumber: string;
  expiresOn: string;
  serial: string | null;
  quantity: number;
  pickedBy: string;
}

export interface PackageView {
  id: string;
  sscc: string;
  orderId: string;
  orderNumber: string;
  status: string;
  weightG: number | null;
  lengthMm: number | null;
  widthMm: number | null;
  heightMm: number | null;
  reviewedBy: string | null;
  reviewedAt: string | null;
  reviewMeaning: string | null;
  shipmentId: string | null;
  createdBy: string;
  createdAt: string;
  content: PackageContent[];
}

export interface ShipmentSummary {
  id: string;
  number: string;
  orderId: string;
  orderNumber: string;
  carrier: string;
  trackingNumber: string;
  status: string;
  shippedBy: string;
  shippedAt: string;
  deliveredAt: string | null;
  receivedBy: string | null;
  podReference: string | null;
}

export interface ShipmentLine {
  lineNo: number;
  deviceCode: string;
  deviceNameZh: string;
  deviceNameEn: string | null;
  lotId: string;
  lotNumber: string;
  expiresOn: string;
  serial: string | null;
  sscc: string | null;
  quantity: number;
  qtyReturned: number;
}

export interface ShipmentDocuments {
  shipmentId: string;
  shipmentNumber: string;
  export: boolean;
  documents: { kind: string; title: Bilingual; recorded: { sha256: string; generatedAt: string } | null }[];
}

declare module '../api/views' {
  interface Answers {
    'POST /api/v1/orders/{id}/packages': PackedPackage;
    'GET /api/v1/packages/{id}': PackageView;
    'POST /api/v1/packages/{id}/review': { id: string; sscc: string; status: string; reviewedBy: string };
    'POST /api/v1/orders/{id}/shipments': { id: string; number: string; units: number; orderStatus: string };
    'GET /api/v1/shipments': Page<ShipmentSummary>;
    'GET /api/v1/shipments/{id}': ShipmentSummary & { lines: ShipmentLine[] };
    'GET /api/v1/shipments/{id}/documents': ShipmentDocuments;
    'POST /api/v1/shipments/{id}/delivery': { id: string; status: string; orderStatus: string };
  }
}
