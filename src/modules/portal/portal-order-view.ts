/**
 * What a hospital sees of its order: the order, its lines and prices, where it stands and when it
 * is promised — not the seller's workings (who handled it, which rule placed a hold and on what
 * facts, the floor price, intake alerts). Pure: it projects the order module's detail.
 */
const HOLD_WORDING: Record<string, { en: string; zh: string }> = {
  credit: { en: 'awaiting credit approval', zh: '等待信用审批' },
  compliance: { en: 'awaiting a licence and registration check', zh: '等待资质审核' },
  price: { en: 'awaiting price confirmation', zh: '等待价格确认' },
  contract: { en: 'awaiting contract review', zh: '等待合同审核' },
  stock: { en: 'awaiting stock', zh: '等待备货' },
  anomaly: { en: 'being reviewed by customer service', zh: '客服审核中' },
};
const OTHER_HOLD = { en: 'being reviewed', zh: '审核中' };

const HEADER_FIELDS = ['id', 'number', 'externalPo', 'status', 'requestedDate', 'promisedDate', 'currency', 'incoterms', 'shipToId',
  'billToId', 'carrierServiceId', 'notes', 'cancelReason', 'createdAt', 'submittedAt', 'confirmedAt'] as const;
const LINE_FIELDS = ['lineNo', 'deviceId', 'deviceCode', 'deviceNameZh', 'deviceNameEn', 'uom', 'uomQuantity', 'ordered', 'cancelled',
  'shipped', 'delivered', 'unitPriceMinor', 'requestedDate', 'promisedDate', 'buyerItem', 'notes'] as const;
const EXPLANATION_FIELDS = ['source', 'en', 'zh', 'contractNo', 'priceListCode', 'breakMinQty', 'discountBp'] as const;

type Row = Record<string, unknown>;
const pick = (r: Row, fields: readonly string[]): Row => Object.fromEntries(fields.filter((f) => f in r).map((f) => [f, r[f]]));

export interface OrderDetail extends Row {
  lines: Row[];
  holds: Row[];
  timeline: Row[];
}

export function portalOrderView(order: OrderDetail) {
  return {
    ...pick(order, HEADER_FIELDS),
    lines: order.lines.map((l) => ({ ...pick(l, LINE_FIELDS), priceExplanation: pick((l.priceExplanation ?? {}) as Row, EXPLANATION_FIELDS) })),
    holds: order.holds.map((h) => ({
      type: h.type, status: h.status, placedAt: h.placedAt, releasedAt: h.releasedAt, ...(HOLD_WORDING[h.type as string] ?? OTHER_HOLD),
    })),
    // Only where the order stood when: the audit trail's actors and details stay inside.
    timeline: order.timeline
      .filter((e) => e.action === 'status')
      .map((e) => ({ at: e.at, status: ((e.changes as Row).status as { new: string }).new })),
  };
}

/** A row of the order list, without the seller's fields; the total as a number (a numeric sum arrives as a string). */
export const portalOrderSummary = (o: Row): Row => ({
  ...pick(o, ['id', 'number', 'externalPo', 'status', 'requestedDate', 'promisedDate', 'currency', 'lines', 'createdAt']),
  totalMinor: Number(o.totalMinor),
});
