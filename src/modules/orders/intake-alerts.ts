/**
 * Checks at the door that keep the order but flag it (issue: "validation and anomaly alerts").
 * Pure: the shell gathers the facts (history, agreed prices, ship-to capability) first.
 */
export type AlertCode =
  | 'DUPLICATE_PO'
  | 'QUANTITY_SPIKE'
  | 'PRICE_MISMATCH'
  | 'REQUESTED_DATE_PAST'
  | 'REQUESTED_DATE_INSIDE_LEAD_TIME'
  | 'COLD_CHAIN_SHIP_TO';

export type Severity = 'low' | 'medium' | 'high';

export interface IntakeAlert {
  code: AlertCode;
  severity: Severity;
  lineNo: number | null;
  en: string;
  zh: string;
  details: Record<string, unknown>;
}

export interface IntakeFacts {
  today: string;
  externalPo: string | null;
  /** Numbers of earlier live orders of this customer with the same PO number. */
  samePoOrders: string[];
  requestedDate: string | null;
  /** Days from ship to delivery with the chosen shipping method (0 when unknown). */
  transitDays: number;
  shipToColdChain: boolean;
  lines: ReadonlyArray<{
    lineNo: number;
    deviceCode: string;
    quantity: number;
    coldChain: boolean;
    requestedDate: string | null;
    statedPriceMinor: number | null;
    agreedPriceMinor: number | null;
    /** The customer's largest order quantity of this device in the last 180 days, if any. */
    largestRecentQuantity: number | null;
  }>;
}

/** A quantity above this many times the customer's largest recent order is a spike. */
export const SPIKE_FACTOR = 3;

export const addDays = (date: string, days: number): string => {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + days);
  return d.toISOString().slice(0, 10);
};

function dateAlerts(date: string | null, lineNo: number | null, f: IntakeFacts): IntakeAlert[] {
  if (!date) return [];
  const where = lineNo === null ? '' : ` (line ${lineNo})`;
  const whereZh = lineNo === null ? '' : `（第${lineNo}行）`;
  if (date < f.today) {
    return [{ code: 'REQUESTED_DATE_PAST', severity: 'medium', lineNo, details: { requestedDate: date, today: f.today },
      en: `requested date ${date} is in the past${where}`, zh: `要求交货日期 ${date} 已过${whereZh}` }];
  }
  const earliest = addDays(f.today, f.transitDays);
  if (date < earliest) {
    return [{ code: 'REQUESTED_DATE_INSIDE_LEAD_TIME', severity: 'low', lineNo, details: { requestedDate: date, earliest },
      en: `requested date ${date} is before the earliest possible delivery ${earliest}${where}`,
      zh: `要求交货日期 ${date} 早于最早可交货日期 ${earliest}${whereZh}` }];
  }
  return [];
}

export function detectIntakeAlerts(f: IntakeFacts): IntakeAlert[] {
  const alerts: IntakeAlert[] = [];
  if (f.externalPo && f.samePoOrders.length > 0) {
    alerts.push({ code: 'DUPLICATE_PO', severity: 'medium', lineNo: null, details: { externalPo: f.externalPo, orders: f.samePoOrders },
      en: `purchase order ${f.externalPo} was already received as ${f.samePoOrders.join(', ')}`,
      zh: `采购单号 ${f.externalPo} 已收到过（${f.samePoOrders.join('、')}）` });
  }
  alerts.push(...dateAlerts(f.requestedDate, null, f));
  for (const l of f.lines) {
    if (l.largestRecentQuantity !== null && l.quantity > SPIKE_FACTOR * l.largestRecentQuantity) {
      alerts.push({ code: 'QUANTITY_SPIKE', severity: 'high', lineNo: l.lineNo,
        details: { quantity: l.quantity, largestRecentQuantity: l.largestRecentQuantity, factor: SPIKE_FACTOR },
        en: `line ${l.lineNo}: ${l.quantity} × ${l.deviceCode} is over ${SPIKE_FACTOR}× the customer's largest order in 180 days (${l.largestRecentQuantity})`,
        zh: `第${l.lineNo}行：${l.deviceCode} 数量 ${l.quantity} 超过该客户180天内最大订单量（${l.largestRecentQuantity}）的${SPIKE_FACTOR}倍` });
    }
    if (l.statedPriceMinor !== null && l.agreedPriceMinor !== null && l.statedPriceMinor !== l.agreedPriceMinor) {
      alerts.push({ code: 'PRICE_MISMATCH', severity: l.statedPriceMinor < l.agreedPriceMinor ? 'high' : 'medium', lineNo: l.lineNo,
        details: { statedPriceMinor: l.statedPriceMinor, agreedPriceMinor: l.agreedPriceMinor },
        en: `line ${l.lineNo}: the buyer's price ${l.statedPriceMinor} differs from the agreed price ${l.agreedPriceMinor}`,
        zh: `第${l.lineNo}行：客户价格 ${l.statedPriceMinor} 与协议价格 ${l.agreedPriceMinor} 不一致` });
    }
    if (l.coldChain && !f.shipToColdChain) {
      alerts.push({ code: 'COLD_CHAIN_SHIP_TO', severity: 'high', lineNo: l.lineNo, details: { deviceCode: l.deviceCode },
        en: `line ${l.lineNo}: ${l.deviceCode} needs the cold chain but the ship-to cannot receive cold-chain goods`,
        zh: `第${l.lineNo}行：${l.deviceCode} 需冷链运输，但收货地址不具备冷链收货能力` });
    }
    if (l.requestedDate && l.requestedDate !== f.requestedDate) alerts.push(...dateAlerts(l.requestedDate, l.lineNo, f));
  }
  return alerts;
}
