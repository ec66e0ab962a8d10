import { describe, expect, it } from 'vitest';
import { quoteLine, quoteLines } from './quote-line.ts';
import { isPriceNotFound, type LineQuote, type QuoteOutcome } from './types.ts';
import { CUSTOMER, contract, contractPrice, line, listPrice, priceList, pricingData } from './pricing-data.fixture.ts';

const priced = (o: QuoteOutcome): LineQuote => {
  if (isPriceNotFound(o)) throw new Error(`expected a price, got ${o.error.message}`);
  return o;
};

describe('quoteLine precedence: contract prices', () => {
  it('given a contract price and a cheaper list price, when quoting, then the contract price wins', () => {
    const data = pricingData({
      priceLists: [priceList()],
      listPrices: [listPrice({ unitPriceMinor: 5_000 })],
      contracts: [contract()],
      contractPrices: [contractPrice({ unitPriceMinor: 9_000 })],
    });
    const q = priced(quoteLine(line(), data));
    expect(q).toMatchObject({ unitPriceMinor: 9_000, currency: 'CNY', source: 'contract' });
    expect(q.explanation.contractNo).toBe('HT-001');
    expect(q.explanation.priceListCode).toBeUndefined();
  });

  it('given a portal-only contract, when quoting for EDI or with no channel, then the list price applies', () => {
    const data = pricingData({
      priceLists: [priceList()],
      listPrices: [listPrice()],
      contracts: [contract({ channel: 'portal' })],
      contractPrices: [contractPrice()],
    });
    expect(priced(quoteLine(line({ channel: 'portal' }), data)).source).toBe('contract');
    expect(priced(quoteLine(line({ channel: 'edi' }), data)).source).toBe('price_list');
    expect(priced(quoteLine(line({ channel: null }), data)).source).toBe('price_list');
  });

  it('given an all-channel and a channel-specific contract, when quoting on that channel, then the specific one wins', () => {
    const data = pricingData({
      contracts: [contract({ id: 'c-all', contractNo: 'HT-ALL' }), contract({ id: 'c-edi', contractNo: 'HT-EDI', channel: 'edi' })],
      contractPrices: [contractPrice({ contractId: 'c-all', unitPriceMinor: 8_000 }), contractPrice({ contractId: 'c-edi', unitPriceMinor: 8_500 })],
    });
    expect(priced(quoteLine(line({ channel: 'edi' }), data)).explanation.contractNo).toBe('HT-EDI');
    expect(priced(quoteLine(line({ channel: 'api' }), data)).explanation.contractNo).toBe('HT-ALL');
  });

  it('given two equally specific contracts, when quoting, then the one that started last wins', () => {
    const data = pricingData({
      contracts: [contract({ id: 'c-old', contractNo: 'HT-OLD' }), contract({ id: 'c-new', contractNo: 'HT-NEW', validFrom: '2026-03-01' })],
      contractPrices: [contractPrice({ contractId: 'c-old' }), contractPrice({ contractId: 'c-new', unitPriceMinor: 9_500 })],
    });
    expect(priced(quoteLine(line(), data))).toMatchObject({ unitPriceMinor: 9_500, explanation: { contractNo: 'HT-NEW' } });
  });

  it('given a contract of another customer or an inactive one, when quoting, then it is ignored', () => {
    const data = pricingData({
      priceLists: [priceList()],
      listPrices: [listPrice()],
      contracts: [contract({ customerId: 'someone-else' }), contract({ id: 'c-2', contractNo: 'HT-002', active: false })],
      contractPrices: [contractPrice(), contractPrice({ contractId: 'c-2' })],
    });
    expect(priced(quoteLine(line(), data)).source).toBe('price_list');
  });

  it('given a contract price and a discount contract, when quoting, then the contract price is not discounted', () => {
    const data = pricingData({
      priceLists: [priceList()],
      listPrices: [listPrice()],
      contracts: [contract(), contract({ id: 'c-disc', contractNo: 'HT-DISC', discountBp: 1_000 })],
      contractPrices: [contractPrice({ unitPriceMinor: 9_000 })],
    });
    const q = priced(quoteLine(line(), data));
    expect(q.unitPriceMinor).toBe(9_000);
    expect(q.explanation.discountBp).toBeUndefined();
  });
});

describe('quoteLine precedence: price lists', () => {
  const lists = [
    priceList({ id: 'pl-gen', code: 'GEN' }),
    priceList({ id: 'pl-portal', code: 'PORTAL', channel: 'portal' }),
    priceList({ id: 'pl-cust', code: 'CUST', customerId: CUSTOMER }),
    priceList({ id: 'pl-cust-portal', code: 'CUST-PORTAL', customerId: CUSTOMER, channel: 'portal' }),
    priceList({ id: 'pl-other', code: 'OTHER', customerId: 'someone-else' }),
  ];
  const prices = lists.map((l, i) => listPrice({ priceListId: l.id, unitPriceMinor: 10_000 + i }));

  it('given general, channel, customer and customer+channel lists, when quoting, then the most specific applies', () => {
    const data = pricingData({ priceLists: lists, listPrices: prices });
    expect(priced(quoteLine(line({ channel: 'portal' }), data)).explanation.priceListCode).toBe('CUST-PORTAL');
    expect(priced(quoteLine(line({ channel: 'edi' }), data)).explanation.priceListCode).toBe('CUST');
  });

  it('given a channel list and a general list, when quoting on the channel, then the channel list beats the general one', () => {
    const data = pricingData({ priceLists: lists.slice(0, 2), listPrices: prices.slice(0, 2) });
    expect(priced(quoteLine(line({ channel: 'portal' }), data)).explanation.priceListCode).toBe('PORTAL');
    expect(priced(quoteLine(line({ channel: null }), data)).explanation.priceListCode).toBe('GEN');
  });

  it('given another customer’s list only, when quoting, then no price is found', () => {
    const data = pricingData({ priceLists: [lists[4]!], listPrices: [prices[4]!] });
    expect(quoteLine(line(), data)).toMatchObject({ error: { code: 'PRICE_NOT_FOUND', reason: 'no_price' } });
  });

  it('given a customer list without the device, when quoting, then the general list prices it', () => {
    const data = pricingData({ priceLists: [lists[0]!, lists[2]!], listPrices: [prices[0]!, listPrice({ priceListId: 'pl-cust', deviceId: 'other-device' })] });
    expect(priced(quoteLine(line(), data)).explanation.priceListCode).toBe('GEN');
  });

  it('given two equally specific lists, when quoting, then the newer start wins and equal starts go by code', () => {
    const a = priceList({ id: 'a', code: 'B-LIST' });
    const b = priceList({ id: 'b', code: 'A-LIST' });
    const c = priceList({ id: 'c', code: 'C-LIST', validFrom: '2026-05-01' });
    const both = pricingData({ priceLists: [a, b], listPrices: [listPrice({ priceListId: 'a' }), listPrice({ priceListId: 'b' })] });
    expect(priced(quoteLine(line(), both)).explanation.priceListCode).toBe('A-LIST');
    const withNewer = pricingData({ priceLists: [a, b, c], listPrices: ['a', 'b', 'c'].map((id) => listPrice({ priceListId: id })) });
    expect(priced(quoteLine(line(), withNewer)).explanation.priceListCode).toBe('C-LIST');
  });

  it('given an inactive list, when quoting, then it is ignored', () => {
    const data = pricingData({ priceLists: [priceList({ active: false })], listPrices: [listPrice()] });
    expect(isPriceNotFound(quoteLine(line(), data))).toBe(true);
  });
});

describe('quoteLines', () => {
  it('given several lines, when quoting them together, then each gets its own answer in order', () => {
    const data = pricingData({
      priceLists: [priceList()],
      listPrices: [listPrice({ breaks: [{ minQuantity: 10, unitPriceMinor: 9_000 }] }), listPrice({ deviceId: 'device-2', unitPriceMinor: 500 })],
    });
    const out = quoteLines([line({ quantity: 1 }), line({ deviceId: 'device-2' }), line({ quantity: 10 }), line({ deviceId: 'unknown' })], data);
    expect(out.map((o) => (isPriceNotFound(o) ? o.error.code : o.unitPriceMinor))).toEqual([10_000, 500, 9_000, 'PRICE_NOT_FOUND']);
  });
});
