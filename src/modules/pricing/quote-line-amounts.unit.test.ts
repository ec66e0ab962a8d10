import { describe, expect, it } from 'vitest';
import { quoteLine } from './quote-line.ts';
import { isPriceNotFound, type LineQuote, type QuoteOutcome } from './types.ts';
import { CUSTOMER, contract, contractPrice, line, listPrice, priceList, pricingData } from './pricing-data.fixture.ts';

const priced = (o: QuoteOutcome): LineQuote => {
  if (isPriceNotFound(o)) throw new Error(`expected a price, got ${o.error.message}`);
  return o;
};

const breaks = [
  { minQuantity: 100, unitPriceMinor: 9_000 },
  { minQuantity: 500, unitPriceMinor: 8_000 },
  { minQuantity: 200, unitPriceMinor: 8_500 },
];

describe('quoteLine quantity breaks', () => {
  const data = pricingData({ priceLists: [priceList()], listPrices: [listPrice({ breaks })] });

  it('given breaks at 100, 200 and 500, when the quantity is below the first, then the base price applies', () => {
    expect(priced(quoteLine(line({ quantity: 99 }), data))).toMatchObject({ unitPriceMinor: 10_000, source: 'price_list' });
  });

  it('given breaks, when the quantity reaches some of them, then the highest one reached applies', () => {
    expect(priced(quoteLine(line({ quantity: 100 }), data))).toMatchObject({ unitPriceMinor: 9_000, source: 'break', explanation: { breakMinQty: 100 } });
    expect(priced(quoteLine(line({ quantity: 499 }), data))).toMatchObject({ unitPriceMinor: 8_500, explanation: { breakMinQty: 200 } });
    expect(priced(quoteLine(line({ quantity: 10_000 }), data))).toMatchObject({ unitPriceMinor: 8_000, explanation: { breakMinQty: 500 } });
  });

  it('given a break price, when explaining, then both languages name the list, the break and the quantity', () => {
    const q = priced(quoteLine(line({ quantity: 250 }), data));
    expect(q.explanation.en).toBe('Quantity break: price list STD (all customers, all channels, valid 2026-01-01 to 2026-12-31) gives 85.00 CNY per unit from 200 units; 250 ordered.');
    expect(q.explanation.zh).toBe('数量阶梯价：价目表 STD（适用所有客户，所有渠道，有效期 2026-01-01 至 2026-12-31）自 200 件起单价 85.00 CNY，本次数量 250。');
  });
});

describe('quoteLine contract discount and rounding', () => {
  const withDiscount = (bp: number, unitPriceMinor: number, extra: Partial<Parameters<typeof contract>[0]> = {}) =>
    pricingData({ priceLists: [priceList()], listPrices: [listPrice({ unitPriceMinor, breaks })], contracts: [contract({ discountBp: bp, ...extra })] });

  it('given an 8.5% discount on 99.99, when quoting, then 91.49085 rounds down to 91.49', () => {
    const q = priced(quoteLine(line(), withDiscount(850, 9_999)));
    expect(q).toMatchObject({ unitPriceMinor: 9_149, source: 'price_list', explanation: { discountBp: 850, contractNo: 'HT-001', priceListCode: 'STD' } });
    expect(q.explanation.en).toBe('List price: price list STD (all customers, all channels, valid 2026-01-01 to 2026-12-31) gives 99.99 CNY per unit; contract HT-001 discount 8.50% gives 91.49 CNY.');
    expect(q.explanation.zh).toBe('价目表价：价目表 STD（适用所有客户，所有渠道，有效期 2026-01-01 至 2026-12-31）单价 99.99 CNY；按合同 HT-001 优惠 8.50% 后为 91.49 CNY。');
  });

  it('given a discount that leaves exactly half a minor unit, when quoting, then it rounds half up', () => {
    expect(priced(quoteLine(line(), withDiscount(1_500, 10))).unitPriceMinor).toBe(9); // 8.5 → 9
    expect(priced(quoteLine(line(), withDiscount(5, 1_000))).unitPriceMinor).toBe(1_000); // 999.5 → 1000
    expect(priced(quoteLine(line(), withDiscount(2_500, 2))).unitPriceMinor).toBe(2); // 1.5 → 2
  });

  it('given a discount and a quantity break, when quoting, then the discount applies to the break price', () => {
    const q = priced(quoteLine(line({ quantity: 200 }), withDiscount(1_000, 10_000)));
    expect(q).toMatchObject({ unitPriceMinor: 7_650, source: 'break', explanation: { breakMinQty: 200, discountBp: 1_000 } });
  });

  it('given a discount limited to another list, when this list prices the line, then no discount applies', () => {
    expect(priced(quoteLine(line(), withDiscount(1_000, 10_000, { priceListId: 'pl-other' }))).unitPriceMinor).toBe(10_000);
  });

  it('given a general and a list-specific discount, when quoting, then the list-specific one applies alone', () => {
    const data = pricingData({
      priceLists: [priceList()],
      listPrices: [listPrice()],
      contracts: [contract({ discountBp: 2_000 }), contract({ id: 'c-2', contractNo: 'HT-LIST', discountBp: 500, priceListId: 'pl-std' })],
    });
    expect(priced(quoteLine(line(), data))).toMatchObject({ unitPriceMinor: 9_500, explanation: { contractNo: 'HT-LIST', discountBp: 500 } });
  });

  it('given a portal-only discount, when quoting on another channel, then no discount applies', () => {
    expect(priced(quoteLine(line({ channel: 'edi' }), withDiscount(1_000, 10_000, { channel: 'portal' }))).unitPriceMinor).toBe(10_000);
    expect(priced(quoteLine(line({ channel: 'portal' }), withDiscount(1_000, 10_000, { channel: 'portal' }))).unitPriceMinor).toBe(9_000);
  });

  it('given a price near the safe-integer limit, when discounting, then the arithmetic stays exact', () => {
    expect(priced(quoteLine(line(), withDiscount(850, 900_000_000_000_001))).unitPriceMinor).toBe(823_500_000_000_001);
  });

  it('given a yen customer, when explaining, then amounts have no decimals', () => {
    const data = pricingData({ customer: { id: CUSTOMER, currency: 'JPY' }, priceLists: [priceList({ currency: 'JPY' })], listPrices: [listPrice({ unitPriceMinor: 1_200 })] });
    expect(priced(quoteLine(line(), data)).explanation.en).toContain('1200 JPY');
  });
});

describe('quoteLine floors', () => {
  const floorData = (unitPriceMinor: number, floorMinor: number | null, bp: number | null = null) =>
    pricingData({ priceLists: [priceList()], listPrices: [listPrice({ unitPriceMinor, floorMinor })], contracts: bp === null ? [] : [contract({ discountBp: bp })] });

  it('given no floor, when quoting, then the line is not below floor and no floor is reported', () => {
    const q = priced(quoteLine(line(), floorData(100, null)));
    expect(q.belowFloor).toBe(false);
    expect(q).not.toHaveProperty('floorMinor');
  });

  it('given a price equal to the floor, when quoting, then it is not below floor', () => {
    expect(priced(quoteLine(line(), floorData(8_000, 8_000)))).toMatchObject({ belowFloor: false, floorMinor: 8_000 });
  });

  it('given a discount that takes the price under the floor, when quoting, then the line is flagged below floor', () => {
    expect(priced(quoteLine(line(), floorData(8_000, 7_999, 10)))).toMatchObject({ unitPriceMinor: 7_992, belowFloor: true, floorMinor: 7_999 });
  });

  it('given a contract price under the list floor, when quoting, then the contract price stands but is flagged', () => {
    const data = pricingData({
      priceLists: [priceList()],
      listPrices: [listPrice({ floorMinor: 9_500 })],
      contracts: [contract()],
      contractPrices: [contractPrice({ unitPriceMinor: 9_000 })],
    });
    expect(priced(quoteLine(line(), data))).toMatchObject({ unitPriceMinor: 9_000, source: 'contract', belowFloor: true, floorMinor: 9_500 });
  });

  it('given a contract price and no list for the device, when quoting, then there is no floor to compare', () => {
    const data = pricingData({ contracts: [contract()], contractPrices: [contractPrice({ unitPriceMinor: 1 })] });
    const q = priced(quoteLine(line(), data));
    expect(q.belowFloor).toBe(false);
    expect(q.explanation.en).toBe('Contract price: contract HT-001 (all channels, valid 2026-01-01 to 2026-12-31) sets 0.01 CNY per unit.');
    expect(q.explanation.zh).toBe('合同价：合同 HT-001（所有渠道，有效期 2026-01-01 至 2026-12-31）约定单价 0.01 CNY。');
  });
});
