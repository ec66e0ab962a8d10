import { describe, expect, it } from 'vitest';
import { portalOrderSummary, portalOrderView, type OrderDetail } from './portal-order-view.ts';

const detail = (): OrderDetail => ({
  id: 'o1', number: 'SO-2026-000001', status: 'on_hold', externalPo: 'PO-1', createdBy: 'cs-anna', sourceType: 'portal_cart',
  sourceRef: 'cart-1', priority: 2, lifecycle: 'submitted', customerCode: 'H-1', promisedDate: null, requestedDate: '2026-06-01',
  lines: [{
    lineNo: 1, deviceId: 'd1', deviceCode: 'STENT', ordered: 10, allocated: 0, unitPriceMinor: 100, promiseBasis: { atp: 1 },
    priceExplanation: { source: 'price_list', en: 'List price', zh: '目录价', priceListCode: 'PL-1', floorMinor: 90 },
  }],
  holds: [{ id: 'h1', type: 'anomaly', reason: 'quantity 10× the usual', origin: { check: 'intake.alerts' }, status: 'open',
    placedAt: 't1', placedBy: 'system', releasedAt: null, releasedBy: null, releaseNote: null }],
  alerts: [{ code: 'QUANTITY_SPIKE' }],
  timeline: [
    { seq: 1, at: 't0', actor: 'hospital-user', action: 'created', changes: { number: { new: 'SO-2026-000001' } } },
    { seq: 2, at: 't1', actor: 'hospital-user', action: 'status', changes: { status: { old: 'draft', new: 'submitted' } } },
    { seq: 3, at: 't1', actor: 'system', action: 'hold_placed', changes: { holdType: 'anomaly' } },
    { seq: 4, at: 't2', actor: 'cs-anna', action: 'status', changes: { status: { old: 'submitted', new: 'on_hold' } } },
  ],
});

describe('portalOrderView', () => {
  it('given an order detail, then the hospital sees its order, lines and prices, not the seller’s workings', () => {
    const view = portalOrderView(detail());
    expect(view).toMatchObject({ id: 'o1', number: 'SO-2026-000001', status: 'on_hold', externalPo: 'PO-1', requestedDate: '2026-06-01' });
    for (const hidden of ['createdBy', 'sourceType', 'sourceRef', 'priority', 'lifecycle', 'alerts', 'customerCode']) expect(view).not.toHaveProperty(hidden);
    expect(view.lines).toEqual([{
      lineNo: 1, deviceId: 'd1', deviceCode: 'STENT', ordered: 10, unitPriceMinor: 100,
      priceExplanation: { source: 'price_list', en: 'List price', zh: '目录价', priceListCode: 'PL-1' },
    }]);
  });

  it('given a hold, then its type, state and a customer wording — not the rule, the facts or who', () => {
    expect(portalOrderView(detail()).holds).toEqual([
      { type: 'anomaly', status: 'open', placedAt: 't1', releasedAt: null, en: 'being reviewed by customer service', zh: '客服审核中' },
    ]);
  });

  it('given the audit timeline, then only the status changes, without actors', () => {
    expect(portalOrderView(detail()).timeline).toEqual([{ at: 't1', status: 'submitted' }, { at: 't2', status: 'on_hold' }]);
  });
});

describe('portalOrderSummary', () => {
  it('keeps the list columns a hospital needs, without open hold types or channel, the total as a number', () => {
    expect(portalOrderSummary({ id: 'o1', number: 'N', status: 'confirmed', channel: 'portal', openHolds: ['price'], customerCode: 'H', totalMinor: '5', lines: 1 }))
      .toEqual({ id: 'o1', number: 'N', status: 'confirmed', totalMinor: 5, lines: 1 });
  });
});
