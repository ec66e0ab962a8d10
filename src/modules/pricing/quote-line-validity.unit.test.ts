import { describe, expect, it } from 'vitest';
import { quoteLine } from './quote-line.ts';
import { isPriceNotFound, type QuoteOutcome } from './types.ts';
import { contract, contractPrice, line, listPrice, priceList, pricingData } from './pricing-data.fixture.ts';

const sourceOf = (o: QuoteOutcome): string => (isPriceNotFound(o) ? o.error.reason : o.source);

describe('quoteLine validity boundaries (both ends inclusive)', () => {
  const listData = (validTo: string | null) => pricingData({ priceLists: [priceList({ validFrom: '2026-03-01', validTo })], listPrices: [listPrice()] });

  it('given a list valid 2026-03-01 to 2026-03-31, when quoting on each boundary and just outside, then only days inside price', () => {
    const data = listData('2026-03-31');
    expect(sourceOf(quoteLine(line({ date: '2026-02-28' }), data))).toBe('no_price');
    expect(sourceOf(quoteLine(line({ date: '2026-03-01' }), data))).toBe('price_list');
    expect(sourceOf(quoteLine(line({ date: '2026-03-31' }), data))).toBe('price_list');
    expect(sourceOf(quoteLine(line({ date: '2026-04-01' }), data))).toBe('no_price');
  });

  it('given an open-ended list, when quoting years later, then it still applies', () => {
    expect(sourceOf(quoteLine(line({ date: '2031-12-31' }), listData(null)))).toBe('price_list');
  });

  it('given a contract valid for one day, when quoting that day and the days around it, then the contract applies only that day', () => {
    const data = pricingData({
      priceLists: [priceList()],
      listPrices: [listPrice()],
      contracts: [contract({ validFrom: '2026-06-15', validTo: '2026-06-15' })],
      contractPrices: [contractPrice()],
    });
    expect(sourceOf(quoteLine(line({ date: '2026-06-14' }), data))).toBe('price_list');
    expect(sourceOf(quoteLine(line({ date: '2026-06-15' }), data))).toBe('contract');
    expect(sourceOf(quoteLine(line({ date: '2026-06-16' }), data))).toBe('price_list');
  });

  it('given a discount contract that ended yesterday, when quoting, then no discount applies', () => {
    const data = pricingData({
      priceLists: [priceList()],
      listPrices: [listPrice()],
      contracts: [contract({ discountBp: 1_000, validTo: '2026-05-31' })],
    });
    expect(quoteLine(line({ date: '2026-05-31' }), data)).toMatchObject({ unitPriceMinor: 9_000 });
    expect(quoteLine(line({ date: '2026-06-01' }), data)).toMatchObject({ unitPriceMinor: 10_000 });
  });

  it('given a list that ended and a later one, when quoting across the change, then each day uses the list in force', () => {
    const data = pricingData({
      priceLists: [priceList({ id: 'h1', code: 'H1', validTo: '2026-06-30' }), priceList({ id: 'h2', code: 'H2', validFrom: '2026-07-01', validTo: null })],
      listPrices: [listPrice({ priceListId: 'h1', unitPriceMinor: 100 }), listPrice({ priceListId: 'h2', unitPriceMinor: 110 })],
    });
    expect(quoteLine(line({ date: '2026-06-30' }), data)).toMatchObject({ unitPriceMinor: 100 });
    expect(quoteLine(line({ date: '2026-07-01' }), data)).toMatchObject({ unitPriceMinor: 110 });
  });
});

describe('quoteLine currency', () => {
  it('given only a USD list for a CNY customer, when quoting, then PRICE_NOT_FOUND says the currency does not match', () => {
    const data = pricingData({ priceLists: [priceList({ currency: 'USD' })], listPrices: [listPrice()] });
    const out = quoteLine(line(), data);
    expect(out).toMatchObject({ error: { code: 'PRICE_NOT_FOUND', reason: 'currency_mismatch' } });
    if (!isPriceNotFound(out)) throw new Error('expected no price');
    expect(out.error.message).toContain('CNY');
    expect(out.error.zh).toContain('币种');
  });

  it('given a more specific USD list and a general CNY list, when quoting a CNY customer, then the CNY list applies', () => {
    const data = pricingData({
      priceLists: [priceList({ id: 'usd', code: 'USD-CUST', currency: 'USD', customerId: 'customer-1' }), priceList()],
      listPrices: [listPrice({ priceListId: 'usd', unitPriceMinor: 1_400 }), listPrice()],
    });
    expect(quoteLine(line(), data)).toMatchObject({ unitPriceMinor: 10_000, currency: 'CNY', explanation: { priceListCode: 'STD' } });
  });

  it('given a USD contract price for a CNY customer, when quoting, then the contract is skipped for the CNY list', () => {
    const data = pricingData({
      priceLists: [priceList()],
      listPrices: [listPrice()],
      contracts: [contract({ currency: 'USD' })],
      contractPrices: [contractPrice()],
    });
    expect(sourceOf(quoteLine(line(), data))).toBe('price_list');
  });

  it('given a USD customer and a USD list, when quoting, then the answer is in USD', () => {
    const data = pricingData({ customer: { id: 'customer-1', currency: 'USD' }, priceLists: [priceList({ currency: 'USD' })], listPrices: [listPrice({ unitPriceMinor: 1_999 })] });
    const q = quoteLine(line(), data);
    expect(q).toMatchObject({ unitPriceMinor: 1_999, currency: 'USD' });
    expect(isPriceNotFound(q) ? '' : q.explanation.en).toContain('19.99 USD');
  });

  it('given nothing at all for the device, when quoting, then PRICE_NOT_FOUND says no price', () => {
    const out = quoteLine(line(), pricingData({ priceLists: [priceList()], listPrices: [listPrice({ deviceId: 'other' })] }));
    expect(out).toMatchObject({ error: { code: 'PRICE_NOT_FOUND', reason: 'no_price' } });
  });
});
