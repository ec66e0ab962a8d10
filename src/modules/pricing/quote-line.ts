import { explainContractPrice, explainListPrice, explainNotFound } from './explain-quote.ts';
import { applyDiscountBp } from './money.ts';
import {
  indexPricingData,
  selectBreak,
  selectContractPrice,
  selectDiscount,
  selectListPrice,
  type PricingIndex,
} from './select-price.ts';
import type { LineQuote, PricingData, QuoteLineInput, QuoteOutcome } from './types.ts';

/**
 * Prices one line. Precedence:
 * 1. a contract price in force for the customer (a channel-specific contract must match the
 *    channel) — the negotiated net price, no further discount;
 * 2. otherwise the most specific price list in force in the customer's currency (customer-specific
 *    over channel-specific over general), at the highest quantity break the quantity reaches,
 *    less the contract discount in force for that list (rounded half-up to the minor unit).
 * The device's floor comes from that price list whichever source priced the line.
 */
export function quoteLine(input: QuoteLineInput, data: PricingData): QuoteOutcome {
  return quoteIndexed(input, indexPricingData(data));
}

/** Prices many lines of one customer against one load of pricing data. */
export function quoteLines(inputs: readonly QuoteLineInput[], data: PricingData): QuoteOutcome[] {
  const ix = indexPricingData(data);
  return inputs.map((input) => quoteIndexed(input, ix));
}

function withFloor(quote: Omit<LineQuote, 'belowFloor'>, floorMinor: number | null): LineQuote {
  if (floorMinor === null) return { ...quote, belowFloor: false };
  return { ...quote, belowFloor: quote.unitPriceMinor < floorMinor, floorMinor };
}

function quoteIndexed(input: QuoteLineInput, ix: PricingIndex): QuoteOutcome {
  const currency = ix.data.customer.currency;
  const contract = selectContractPrice(input, ix);
  const list = selectListPrice(input, ix);
  const floorMinor = list.chosen?.price.floorMinor ?? null;

  if (contract.chosen) {
    const { unitPriceMinor } = contract.chosen;
    return withFloor(
      { unitPriceMinor, currency, source: 'contract', explanation: explainContractPrice(contract.chosen.contract, unitPriceMinor, currency) },
      floorMinor,
    );
  }
  if (list.chosen) {
    const priceBreak = selectBreak(list.chosen.price, input.quantity);
    const discount = selectDiscount(input, ix, list.chosen.list.id);
    const listMinor = priceBreak?.unitPriceMinor ?? list.chosen.price.unitPriceMinor;
    const unitPriceMinor = discount ? applyDiscountBp(listMinor, discount.discountBp) : listMinor;
    const explanation = explainListPrice({ choice: list.chosen, quantity: input.quantity, priceBreak, discount, unitPriceMinor, currency });
    return withFloor({ unitPriceMinor, currency, source: priceBreak ? 'break' : 'price_list', explanation }, floorMinor);
  }
  return explainNotFound(input, currency, contract.otherCurrency || list.otherCurrency);
}
