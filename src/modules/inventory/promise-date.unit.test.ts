import { describe, expect, it } from 'vitest';
import { earliestShipDate, orderPromisedDate, promiseLines, type InboundSupply, type PromiseDemand, type PromiseOptions } from './promise-date.ts';

const line = (lineNo: number, quantity: number, fromStock = 0, more: Partial<PromiseDemand> = {}): PromiseDemand => ({
  lineNo, deviceId: 'D', quantity, fromStock, lotIds: fromStock ? ['lot-1'] : [], ...more,
});
const opts = (more: Partial<PromiseOptions> = {}): PromiseOptions => ({
  earliestShipDate: '2026-03-02', transitDays: 2, inspectionDays: 3, inbound: new Map(), leadTimeDays: new Map([['D', 30]]), ...more,
});
const po = (date: string, quantity: number, ref: string): InboundSupply => ({ date, quantity, kind: 'purchase_order', ref });
const wo = (date: string, quantity: number, ref: string): InboundSupply => ({ date, quantity, kind: 'work_order', ref });

describe('promising a line', () => {
  it('ships from stock on the earliest ship date and arrives after the transit time', () => {
    const [p] = promiseLines([line(1, 10, 10)], opts());
    expect(p).toMatchObject({ basis: 'stock', shipDate: '2026-03-02', deliveryDate: '2026-03-04', fromStock: 10, lotIds: ['lot-1'] });
  });

  it('waits for an inbound purchase order plus the inspection that releases it', () => {
    const [p] = promiseLines([line(1, 10, 4)], opts({ inbound: new Map([['D', [po('2026-03-10', 20, 'PO-1')]]]) }));
    expect(p).toMatchObject({ basis: 'inbound', shipDate: '2026-03-13', deliveryDate: '2026-03-15', fromStock: 4, fromInbound: 6, purchaseOrders: ['PO-1'], lotIds: ['lot-1'] });
  });

  it('takes supply in the order it becomes available, not the order it was given', () => {
    const inbound = new Map([['D', [po('2026-04-01', 5, 'PO-LATE'), wo('2026-03-05', 5, 'WO-1'), po('2026-03-03', 5, 'PO-EARLY')]]]);
    const [p] = promiseLines([line(1, 8)], opts({ inbound }));
    // PO-EARLY is available on 03-06 (inspection), WO-1 on 03-05: the work order first, then the PO.
    expect(p).toMatchObject({ basis: 'inbound', shipDate: '2026-03-06', fromProduction: 5, fromInbound: 3, workOrders: ['WO-1'], purchaseOrders: ['PO-EARLY'] });
  });

  it('says production when planned production sets the date', () => {
    const [p] = promiseLines([line(1, 5)], opts({ inbound: new Map([['D', [wo('2026-03-20', 5, 'WO-9')]]]) }));
    expect(p).toMatchObject({ basis: 'production', shipDate: '2026-03-20', deliveryDate: '2026-03-22', workOrders: ['WO-9'] });
  });

  it('never promises supply before the earliest ship date', () => {
    const [p] = promiseLines([line(1, 5)], opts({ inbound: new Map([['D', [wo('2026-02-01', 5, 'WO-OLD')]]]) }));
    expect(p).toMatchObject({ basis: 'production', shipDate: '2026-03-02' });
  });

  it('falls back to the device lead time for what neither stock nor inbound covers', () => {
    const [p] = promiseLines([line(1, 30, 5)], opts({ inbound: new Map([['D', [po('2026-03-04', 10, 'PO-1')]]]) }));
    expect(p).toMatchObject({ basis: 'lead_time', shipDate: '2026-04-01', deliveryDate: '2026-04-03', fromStock: 5, fromInbound: 10, fromLeadTime: 15 });
  });

  it('keeps the later inbound date when it is later than the lead time', () => {
    const [p] = promiseLines([line(1, 30)], opts({ inbound: new Map([['D', [po('2026-06-01', 10, 'PO-FAR')]]]), leadTimeDays: new Map([['D', 7]]) }));
    expect(p).toMatchObject({ basis: 'lead_time', shipDate: '2026-06-04', fromInbound: 10, fromLeadTime: 20 });
  });

  it('cannot promise a date when the rest has no lead time', () => {
    const [p] = promiseLines([line(1, 3)], opts({ leadTimeDays: new Map() }));
    expect(p).toMatchObject({ basis: 'lead_time', shipDate: null, deliveryDate: null, fromLeadTime: 3 });
  });

  it('shares inbound between lines of the same device in line order', () => {
    const inbound = new Map([['D', [po('2026-03-05', 10, 'PO-1'), po('2026-03-20', 10, 'PO-2')]]]);
    const [a, b, c] = promiseLines([line(1, 8), line(2, 8), line(3, 1, 0, { deviceId: 'OTHER' })], opts({ inbound, leadTimeDays: new Map() }));
    expect(a).toMatchObject({ shipDate: '2026-03-08', purchaseOrders: ['PO-1'] });
    expect(b).toMatchObject({ shipDate: '2026-03-23', purchaseOrders: ['PO-1', 'PO-2'], fromInbound: 8 });
    expect(c).toMatchObject({ basis: 'lead_time', shipDate: null });
  });

  it('ignores empty supply and caps stock at the line quantity', () => {
    const [p] = promiseLines([line(1, 3, 9)], opts({ inbound: new Map([['D', [po('2026-03-03', 0, 'PO-0')]]]) }));
    expect(p).toMatchObject({ basis: 'stock', fromStock: 3, purchaseOrders: [] });
  });
});

describe('the order promised date', () => {
  it('is the latest line delivery, and unknown when any line is', () => {
    const ps = promiseLines([line(1, 1, 1), line(2, 5, 0)], opts());
    expect(orderPromisedDate(ps)).toBe('2026-04-03');
    expect(orderPromisedDate(promiseLines([line(1, 1, 1), line(2, 5)], opts({ leadTimeDays: new Map() })))).toBeNull();
    expect(orderPromisedDate([])).toBeNull();
  });
});

describe('the earliest ship date', () => {
  it('is today before the cut-off and tomorrow after it, in business time', () => {
    // 06:59 UTC = 14:59 in Shanghai; 07:00 UTC = 15:00.
    expect(earliestShipDate(new Date('2026-03-02T06:59:00Z'), 15, 'Asia/Shanghai')).toBe('2026-03-02');
    expect(earliestShipDate(new Date('2026-03-02T07:00:00Z'), 15, 'Asia/Shanghai')).toBe('2026-03-03');
    // 23:30 UTC on the 1st is already the 2nd in Shanghai.
    expect(earliestShipDate(new Date('2026-03-01T23:30:00Z'), 15, 'Asia/Shanghai')).toBe('2026-03-02');
    expect(earliestShipDate(new Date('2026-12-31T10:00:00Z'), 15, 'Asia/Shanghai')).toBe('2027-01-01');
  });
});
