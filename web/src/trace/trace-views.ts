// What the trace screens read (src/modules/trace).

export interface PartyName {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
}

export interface Quantities {
  shipped: number;
  returned: number;
  net: number;
}

export interface LotHead {
  id: string;
  lotNumber: string;
  manufacturedOn: string | null;
  expiresOn: string;
  status: string;
  device: PartyName & { deviceClass: string; registrationNumber: string | null; eachGtin: string | null };
  documents: { kind: string; reference: string; issuedOn: string | null }[];
  release: { by: string; at: string; meaning: string | null; signedBy: string | null } | null;
}

export interface Consignee {
  customer: PartyName;
  shipTo: {
    id: string;
    code: string;
    name: string;
    line1: string;
    city: string | null;
    country: string;
  } | null;
  shipments: (Quantities & {
    shipmentId: string;
    number: string;
    shippedAt: string;
    status: string;
    orderId: string;
    orderNumber: string;
  })[];
  totals: Quantities;
}

export interface LotTrace {
  lot: LotHead;
  consignees: Consignee[];
  totals: Quantities & { consignees: number; shipments: number };
  onHand: { warehouseCode: string; binCode: string; zoneType: string; onHand: number; allocated: number }[];
}

export interface ShippedUnit {
  lineNo: number;
  deviceCode: string;
  lotId: string;
  lotNumber: string;
  expiresOn: string;
  serial: string | null;
  quantity: number;
  returned: number;
  gtin: string | null;
  udi: { raw: string; hri: string } | null;
}

export interface OrderTrace {
  order: { id: string; number: string; status: string; customer: PartyName };
  shipments: {
    id: string;
    number: string;
    shippedAt: string;
    status: string;
    carrier: string;
    trackingNumber: string;
    packages: { sscc: string | null; units: ShippedUnit[] }[];
  }[];
  lots: LotHead[];
  totals: Quantities & { lots: number; serials: number };
}

export type SerialStep =
  | {
      kind: 'move';
      at: string;
      moveType: string;
      quantity: number;
      fromBin: string | null;
      toBin: string | null;
      actor: string;
      orderNumber: string | null;
      customerCode: string | null;
    }
  | {
      kind: 'pick';
      at: string;
      orderNumber: string;
      lineNo: number;
      bin: string;
      packageSscc: string | null;
      pickedBy: string;
    }
  | {
      kind: 'shipment';
      at: string;
      shipmentNumber: string;
      orderNumber: string;
      packageSscc: string | null;
      returned: number;
      customer: PartyName;
      shipTo: { code: string; name: string; line1: string; city: string | null } | null;
    };

export interface SerialTrace {
  gtin: string;
  serial: string;
  status: string;
  device: PartyName;
  lot: { id: string; lotNumber: string; expiresOn: string; status: string } | null;
  udi: { raw: string; hri: string } | null;
  binCode: string | null;
  history: SerialStep[];
}

export type ScanTrace =
  | ({ kind: 'serial' } & SerialTrace)
  | ({ kind: 'lot' } & LotTrace)
  | { kind: 'package'; sscc: string; order: OrderTrace['order'] };

declare module '../api/views' {
  interface Answers {
    'GET /api/v1/trace/lots': LotTrace;
    'GET /api/v1/trace/lots/{id}': LotTrace;
    'GET /api/v1/trace/orders/{id}': OrderTrace;
    'GET /api/v1/trace/serials': SerialTrace;
    'GET /api/v1/trace/scan': ScanTrace;
  }
}
