import { describe, expect, it } from 'vitest';
import { findExceptions, lineExceptions, overdueException, type ReconLine } from './find-exceptions.ts';

const clean: ReconLine = {
  orderId: 'o1', orderNumber: 'SO-2026-000001', lineNo: 1, deviceCode: 'STENT', ordered: 10, shipped: 10, delivered: 10,
  shippedOnDelivered: 10, invoiced: 10, invoicedNetMinor: 10 * 1200, priceCorrectionMinor: 0, orderUnitPriceMinor: 1200, paidMinor: 13560,
};
const types = (l: ReconLine, on: 'shipment' | 'delivery' = 'shipment') => lineExceptions(l, on).map((e) => e.type);

describe('reconciliation exceptions', () => {
  it('given a line shipped, delivered, invoiced at the order price, finds nothing', () => {
    expect(types(clean)).toEqual([]);
  });

  it('shipped_not_invoiced: shipped units missing from invoices', () => {
    const e = lineExceptions({ ...clean, invoiced: 6, invoicedNetMinor: 6 * 1200 }, 'shipment');
    expect(e.map((x) => x.type)).toEqual(['shipped_not_invoiced']);
    expect(e[0]!.details.quantity).toBe(4);
    expect(e[0]!.message.zh).toContain('未开票');
  });

  it('for a customer invoiced on delivery, shipped-but-undelivered units are not yet due', () => {
    const line = { ...clean, delivered: 0, shippedOnDelivered: 0, invoiced: 0, invoicedNetMinor: 0 };
    expect(types(line, 'delivery')).toEqual([]);
    expect(types(line, 'shipment')).toEqual(['shipped_not_invoiced']);
  });

  it('invoiced_not_shipped: more invoiced than shipped', () => {
    expect(types({ ...clean, shipped: 8, delivered: 8, shippedOnDelivered: 8 })).toEqual(['invoiced_not_shipped']);
  });

  it('price_differs_from_order: invoiced amount is not quantity × order price, until a price correction credits the difference', () => {
    const over = { ...clean, invoicedNetMinor: 10 * 1250 };
    const e = lineExceptions(over, 'shipment');
    expect(e.map((x) => x.type)).toEqual(['price_differs_from_order']);
    expect(e[0]!.details.differenceMinor).toBe(500);
    expect(types({ ...over, priceCorrectionMinor: 500 })).toEqual([]);
  });

  it('short_delivery: the proof of delivery counts fewer units than the shipments carried', () => {
    const e = lineExceptions({ ...clean, delivered: 9 }, 'shipment');
    expect(e.map((x) => x.type)).toEqual(['short_delivery']);
    expect(e[0]!.details.quantity).toBe(1);
  });

  it('overdue: money still owed after the due date, not on the due date, not when paid', () => {
    const inv = { id: 'i1', number: 'INV-2026-000001', orderId: 'o1', openMinor: 100, dueDate: '2026-06-01' };
    expect(overdueException(inv, '2026-06-01')).toBeNull();
    expect(overdueException({ ...inv, openMinor: 0 }, '2026-07-01')).toBeNull();
    expect(overdueException(inv, '2026-06-11')?.details).toEqual({ daysOverdue: 10, openMinor: 100, dueDate: '2026-06-01' });
  });

  it('lists line exceptions first, then overdue invoices oldest first', () => {
    const all = findExceptions([{ ...clean, invoiced: 0, invoicedNetMinor: 0 }],
      [{ id: 'b', number: 'B', orderId: null, openMinor: 1, dueDate: '2026-05-02' }, { id: 'a', number: 'A', orderId: null, openMinor: 1, dueDate: '2026-05-01' }],
      () => 'shipment', '2026-06-01');
    expect(all.map((e) => e.invoiceNumber ?? e.type)).toEqual(['shipped_not_invoiced', 'A', 'B']);
  });
});
