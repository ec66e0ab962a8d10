import type { ContractFacts, ContractPriceFacts, ListPriceFacts, PriceListFacts, PricingData, QuoteLineInput } from './types.ts';

/** Builders for the unit tests of quoting: sensible defaults, overridden per test. */
export const CUSTOMER = 'customer-1';
export const DEVICE = 'device-1';

export const priceList = (over: Partial<PriceListFacts> = {}): PriceListFacts => ({
  id: 'pl-std',
  code: 'STD',
  currency: 'CNY',
  channel: null,
  customerId: null,
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  active: true,
  ...over,
});

export const listPrice = (over: Partial<ListPriceFacts> = {}): ListPriceFacts => ({
  priceListId: 'pl-std',
  deviceId: DEVICE,
  unitPriceMinor: 10_000,
  floorMinor: null,
  breaks: [],
  ...over,
});

export const contract = (over: Partial<ContractFacts> = {}): ContractFacts => ({
  id: 'c-1',
  contractNo: 'HT-001',
  customerId: CUSTOMER,
  channel: null,
  currency: 'CNY',
  validFrom: '2026-01-01',
  validTo: '2026-12-31',
  active: true,
  priceListId: null,
  discountBp: null,
  ...over,
});

export const contractPrice = (over: Partial<ContractPriceFacts> = {}): ContractPriceFacts => ({
  contractId: 'c-1',
  deviceId: DEVICE,
  unitPriceMinor: 9_000,
  ...over,
});

export const pricingData = (over: Partial<PricingData> = {}): PricingData => ({
  customer: { id: CUSTOMER, currency: 'CNY' },
  priceLists: [],
  listPrices: [],
  contracts: [],
  contractPrices: [],
  ...over,
});

export const line = (over: Partial<QuoteLineInput> = {}): QuoteLineInput => ({
  deviceId: DEVICE,
  quantity: 1,
  date: '2026-06-01',
  channel: null,
  ...over,
});
