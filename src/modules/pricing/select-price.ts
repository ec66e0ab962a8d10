import type {
  Channel,
  ContractFacts,
  ContractPriceFacts,
  ListPriceFacts,
  PriceBreak,
  PriceListFacts,
  PricingData,
  QuoteLineInput,
} from './types.ts';

/** The pricing data looked up by id and by device, built once for any number of lines. */
export interface PricingIndex {
  data: PricingData;
  lists: Map<string, PriceListFacts>;
  contracts: Map<string, ContractFacts>;
  listPricesByDevice: Map<string, ListPriceFacts[]>;
  contractPricesByDevice: Map<string, ContractPriceFacts[]>;
}

function groupByDevice<T extends { deviceId: string }>(rows: readonly T[]): Map<string, T[]> {
  const out = new Map<string, T[]>();
  for (const r of rows) out.set(r.deviceId, [...(out.get(r.deviceId) ?? []), r]);
  return out;
}

export const indexPricingData = (data: PricingData): PricingIndex => ({
  data,
  lists: new Map(data.priceLists.map((l) => [l.id, l])),
  contracts: new Map(data.contracts.map((c) => [c.id, c])),
  listPricesByDevice: groupByDevice(data.listPrices),
  contractPricesByDevice: groupByDevice(data.contractPrices),
});

/** Both ends of a validity are inclusive; a missing end never expires. */
export const isValidOn = (r: { validFrom: string; validTo: string | null }, date: string): boolean =>
  r.validFrom <= date && (r.validTo === null || date <= r.validTo);

/** A record without a channel serves every channel; one with a channel serves only that one. */
const servesChannel = (own: Channel | null, requested: Channel | null): boolean => own === null || own === requested;

interface Rank {
  specificity: number;
  validFrom: string;
  name: string;
}

/** More specific first, then the most recently started, then the smaller code so the answer is stable. */
function outranks(a: Rank, b: Rank): boolean {
  if (a.specificity !== b.specificity) return a.specificity > b.specificity;
  if (a.validFrom !== b.validFrom) return a.validFrom > b.validFrom;
  return a.name < b.name;
}

function best<T>(items: readonly T[], rank: (t: T) => Rank): T | null {
  let chosen: T | null = null;
  for (const t of items) if (chosen === null || outranks(rank(t), rank(chosen))) chosen = t;
  return chosen;
}

const contractInForce = (c: ContractFacts, input: QuoteLineInput, customerId: string): boolean =>
  c.active && c.customerId === customerId && servesChannel(c.channel, input.channel) && isValidOn(c, input.date);

const listInForce = (l: PriceListFacts, input: QuoteLineInput, customerId: string): boolean =>
  l.active && (l.customerId === null || l.customerId === customerId) && servesChannel(l.channel, input.channel) && isValidOn(l, input.date);

/** A choice in the customer's currency, and whether something applied only in another currency. */
export interface Selection<T> {
  chosen: T | null;
  otherCurrency: boolean;
}

export interface ContractPriceChoice {
  contract: ContractFacts;
  unitPriceMinor: number;
}

export function selectContractPrice(input: QuoteLineInput, ix: PricingIndex): Selection<ContractPriceChoice> {
  const { id: customerId, currency } = ix.data.customer;
  const live = (ix.contractPricesByDevice.get(input.deviceId) ?? []).flatMap((p) => {
    const contract = ix.contracts.get(p.contractId);
    return contract && contractInForce(contract, input, customerId) ? [{ contract, unitPriceMinor: p.unitPriceMinor }] : [];
  });
  const sameCurrency = live.filter((x) => x.contract.currency === currency);
  const chosen = best(sameCurrency, (x) => ({
    specificity: x.contract.channel === null ? 0 : 1,
    validFrom: x.contract.validFrom,
    name: x.contract.contractNo,
  }));
  return { chosen, otherCurrency: live.length > sameCurrency.length };
}

export interface ListPriceChoice {
  list: PriceListFacts;
  price: ListPriceFacts;
}

/** The most specific list in force for the device: customer-specific outweighs channel-specific. */
export function selectListPrice(input: QuoteLineInput, ix: PricingIndex): Selection<ListPriceChoice> {
  const { id: customerId, currency } = ix.data.customer;
  const live = (ix.listPricesByDevice.get(input.deviceId) ?? []).flatMap((price) => {
    const list = ix.lists.get(price.priceListId);
    return list && listInForce(list, input, customerId) ? [{ list, price }] : [];
  });
  const sameCurrency = live.filter((x) => x.list.currency === currency);
  const chosen = best(sameCurrency, (x) => ({
    specificity: (x.list.customerId === null ? 0 : 2) + (x.list.channel === null ? 0 : 1),
    validFrom: x.list.validFrom,
    name: x.list.code,
  }));
  return { chosen, otherCurrency: live.length > sameCurrency.length };
}

/** The highest break the quantity reaches, or null when the base price applies. */
export function selectBreak(price: ListPriceFacts, quantity: number): PriceBreak | null {
  let chosen: PriceBreak | null = null;
  for (const b of price.breaks) {
    if (b.minQuantity <= quantity && (chosen === null || b.minQuantity > chosen.minQuantity)) chosen = b;
  }
  return chosen;
}

/** One discount at most: a contract naming the list beats one for any list. */
export function selectDiscount(input: QuoteLineInput, ix: PricingIndex, priceListId: string): (ContractFacts & { discountBp: number }) | null {
  const live = ix.data.contracts.filter(
    (c): c is ContractFacts & { discountBp: number } =>
      c.discountBp !== null &&
      (c.priceListId === null || c.priceListId === priceListId) &&
      contractInForce(c, input, ix.data.customer.id),
  );
  return best(live, (c) => ({
    specificity: (c.priceListId === null ? 0 : 2) + (c.channel === null ? 0 : 1),
    validFrom: c.validFrom,
    name: c.contractNo,
  }));
}
