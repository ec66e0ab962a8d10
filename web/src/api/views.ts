// What the screens read from the API's answers. The OpenAPI document has no response schemas yet,
// so these follow the answers of the routes in src/modules/*/ (keep them to the fields used).

export interface Me {
  userId: string;
  name: string;
  type: string;
  roles: string[];
  permissions: string[];
  organisationId: string | null;
  locale: 'zh-CN' | 'en' | null;
}

export interface Page<T> {
  items: T[];
  total: number;
  limit: number;
  offset: number;
}

export interface Bilingual {
  en: string;
  zh: string;
}

export interface OrderRow {
  id: string;
  number: string;
  channel: string;
  externalPo: string | null;
  customerCode: string;
  customerName: string;
  status: string;
  requestedDate: string | null;
  promisedDate: string | null;
  currency: string;
  createdAt: string;
  lines: number;
  totalMinor: string | number;
  openHolds: string[] | null;
}

export interface OrderLine {
  lineNo: number;
  deviceId: string;
  deviceCode: string;
  deviceNameZh: string;
  deviceNameEn: string | null;
  uom: string;
  uomQuantity: number;
  ordered: number;
  cancelled: number;
  allocated?: number;
  picked?: number;
  shipped: number;
  unitPriceMinor: number | null;
  requestedDate: string | null;
  promisedDate: string | null;
  promiseBasis?: string | null;
  priceExplanation: (Bilingual & { source: string }) | null;
}

export interface HoldRule {
  rule: string;
  lineNo?: number;
  facts: Record<string, unknown>;
}

export interface OrderHold {
  id: string;
  type: string;
  reason: string;
  origin: { zh?: string; rules?: HoldRule[]; approvalRoles?: string[] } | null;
  status: string;
  placedAt: string;
  placedBy: string;
  releasedAt: string | null;
  releasedBy: string | null;
  releaseNote: string | null;
}

export interface TimelineEntry {
  seq: number;
  at: string;
  actor: string;
  action: string;
  changes: Record<string, unknown>;
  reason: string | null;
  signature: { meaning?: string; signer?: string } | null;
}

export interface OrderAlert extends Bilingual {
  id: string;
  lineNo: number | null;
  code: string;
  severity: string;
  createdAt: string;
  acknowledgedAt: string | null;
}

export interface Order {
  id: string;
  number: string;
  version: number;
  channel: string;
  externalPo: string | null;
  customerCode: string;
  customerName: string;
  requestedDate: string | null;
  promisedDate: string | null;
  currency: string;
  status: string;
  lifecycle: string;
  createdBy: string;
  createdAt: string;
  cancelReason: string | null;
  lines: OrderLine[];
  holds: OrderHold[];
  alerts: OrderAlert[];
  timeline: TimelineEntry[];
}

export interface Allocation {
  id: string;
  lineNo: number;
  deviceCode: string;
  lotId: string;
  lotNumber: string;
  expiresOn: string;
  lotStatus: string;
  warehouseCode: string;
  binCode: string;
  quantity: number;
  picked: number;
  status: string;
}

export interface PlacedOrder {
  id: string;
  number: string;
  status: string;
  holds: { type: string; reason: string }[];
}

export interface Party {
  id: string;
  code: string;
  kind: string;
  customerType: string | null;
  nameZh: string;
  nameEn: string | null;
}

export interface Device {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  deviceClass: string;
  baseUnit: string;
}

export interface QuoteLine {
  lineNo: number;
  deviceId: string;
  quantity: number;
  unitPriceMinor: number | null;
  currency: string;
  source: string;
  explanation: Bilingual | null;
  belowFloor: boolean;
}

export interface InboxTask {
  taskId: string;
  approvalId: string;
  roles: string[];
  openedAt: string;
  escalateAt: string | null;
  escalated: boolean;
  step: { no: number; of: number };
  order: {
    id: string;
    number: string;
    status: string;
    customerCode: string;
    customerName: string;
    totalMinor: number;
    currency: string;
  } | null;
  hold: { id: string; type: string; reason: Bilingual; rules: HoldRule[] } | null;
}

export interface StockRow {
  lotId: string;
  lotNumber: string;
  lotStatus: string;
  expiresOn: string;
  deviceId: string;
  deviceCode: string;
  deviceNameZh: string;
  warehouseCode: string;
  binCode: string;
  onHand: number;
  allocated: number;
  free: number;
}

export interface NearExpiry {
  today: string;
  buckets: {
    bucket: string;
    maxDays: number;
    onHand: number;
    lots: {
      lotId: string;
      lotNumber: string;
      status: string;
      expiresOn: string;
      daysLeft: number;
      deviceCode: string;
      deviceNameZh: string;
      onHand: number;
      allocated: number;
    }[];
  }[];
}

export interface LotDocument {
  id: string;
  kind: string;
  reference: string;
  issuedOn: string | null;
  createdBy: string;
  createdAt: string;
}

export interface Lot {
  id: string;
  deviceCode: string;
  deviceNameZh: string;
  lotNumber: string;
  manufacturedOn: string | null;
  expiresOn: string;
  status: string;
  statusReason: string | null;
  releasedBy: string | null;
  releasedAt: string | null;
  documents: LotDocument[];
  balances: StockRow[];
  history: TimelineEntry[];
}

export interface CatalogueItem {
  id: string;
  code: string;
  nameZh: string;
  nameEn: string | null;
  deviceClass: string;
  baseUnit: string;
  coldChain: boolean;
  registrationNumber: string;
  availability?: string;
  price: {
    unitPriceMinor: number | null;
    currency: string;
    source: string;
    explanation: Bilingual | null;
  } | null;
}

export interface CartLine {
  lineNo: number;
  deviceId: string;
  deviceCode: string;
  nameZh: string;
  nameEn: string | null;
  uom: string;
  quantity: number;
  lineTotalMinor: number | null;
  problem: Bilingual | string | null;
}

export interface Cart {
  id: string | null;
  status: string;
  lines: CartLine[];
  currency: string | null;
  totalMinor: number;
}

export interface PortalOrderRow {
  id: string;
  number: string;
  externalPo: string | null;
  status: string;
  requestedDate: string | null;
  promisedDate: string | null;
  currency: string;
  lines: number;
  createdAt: string;
  totalMinor: number;
}

export interface PortalOrder extends Omit<PortalOrderRow, 'lines'> {
  lines: OrderLine[];
  holds: (Bilingual & { type: string; status: string })[];
  timeline: { at: string; status: string }[];
}

export interface PickListLine {
  id: string;
  orderNumber: string;
  lineNo: number;
  binCode: string;
  deviceCode: string;
  deviceNameZh: string;
  deviceNameEn: string | null;
  lotNumber: string;
  expiresOn: string;
  quantity: number;
  picked: number;
}

export interface PickList {
  id: string;
  number: string;
  kind: string;
  status: string;
  warehouseCode: string;
  createdBy: string;
  createdAt: string;
  lines: PickListLine[];
}

export interface PickListSummary {
  id: string;
  number: string;
  kind: string;
  status: string;
  lines: number;
  units: number;
  picked: number;
  createdAt: string;
}

export interface AcceptedScan {
  pickListStatus: string;
  lineId: string;
  quantity: number;
  substitute: boolean;
}

/** Answers by `METHOD path` (client.ts looks them up). */
export interface Answers {
  'GET /api/v1/auth/me': Me;
  'POST /api/v1/auth/login': { user: unknown; expiresAt: string };
  'GET /api/v1/orders': Page<OrderRow>;
  'POST /api/v1/orders': PlacedOrder;
  'GET /api/v1/orders/{id}': Order;
  'GET /api/v1/orders/{id}/allocations': { orderId: string; items: Allocation[] };
  'GET /api/v1/parties': Page<Party>;
  'GET /api/v1/devices': Page<Device>;
  'POST /api/v1/pricing/quote': { currency: string; lines: QuoteLine[] };
  'GET /api/v1/approvals/inbox': { items: InboxTask[]; total: number };
  'GET /api/v1/inventory/stock': Page<StockRow>;
  'GET /api/v1/inventory/near-expiry': NearExpiry;
  'GET /api/v1/inventory/lots/{id}': Lot;
  'GET /api/v1/portal/catalogue': Page<CatalogueItem>;
  'GET /api/v1/portal/cart': Cart;
  'PUT /api/v1/portal/cart/lines': Cart;
  'POST /api/v1/portal/cart/submit': { orderId: string; number: string; status: string };
  'GET /api/v1/portal/orders': Page<PortalOrderRow>;
  'GET /api/v1/portal/orders/{id}': PortalOrder;
  'GET /api/v1/pick-lists': Page<PickListSummary>;
  'POST /api/v1/pick-lists': { id: string; number: string };
  'GET /api/v1/pick-lists/{id}': PickList;
  'POST /api/v1/pick-lists/{id}/scans': AcceptedScan;
}
