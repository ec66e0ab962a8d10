import type { Sql } from '../../db/types.ts';
import { DomainError } from '../../platform/errors.ts';
import { loadPricingData } from '../pricing/load-pricing-data.ts';
import { quoteLines } from '../pricing/quote-line.ts';
import { isPriceNotFound, type Channel as PricingChannel } from '../pricing/types.ts';
import type { Channel } from './order-input.ts';
import type { ResolvedLine } from './resolve-order-lines.ts';

export interface PricedLine {
  unitPriceMinor: number;
  /** The agreed price, when one exists (stored with the line; the buyer's price may differ). */
  agreedPriceMinor: number | null;
  /** Why this price: stored on the line, shown to users, and read by the price rules. */
  explanation: Record<string, unknown>;
}

const PRICING_CHANNEL: Record<Channel, PricingChannel> = {
  api: 'api', console: 'sales', edi: 'edi', portal: 'portal', forecast: 'forecast', quote: 'sales',
};

/**
 * Prices every line from contracts and price lists (one load for the whole order). The agreed
 * price is the order price; a buyer's differing price only raises an alert. With no agreed price
 * the buyer's own price is taken (source `buyer`, which the price rules send for approval); with
 * neither, the line is refused.
 */
export async function priceOrderLines(
  tx: Sql,
  order: { customerId: string; currency: string; channel: Channel; date: string },
  lines: readonly ResolvedLine[],
  /** Prices agreed elsewhere (a valid quotation), by line number: they win over the price lists. */
  agreed: ReadonlyMap<number, PricedLine> = new Map(),
): Promise<PricedLine[]> {
  const data = await loadPricingData(tx, {
    customerId: order.customerId,
    deviceIds: lines.map((l) => l.device.id),
    date: order.date,
    channel: PRICING_CHANNEL[order.channel],
  });
  const quotes = quoteLines(
    lines.map((l) => ({ deviceId: l.device.id, quantity: l.quantity, date: order.date, channel: PRICING_CHANNEL[order.channel] })),
    data,
  );
  return lines.map((l, i) => {
    const fixed = agreed.get(l.lineNo);
    if (fixed) return fixed;
    const q = quotes[i]!;
    const stated = l.input.unitPriceMinor ?? null;
    if (!isPriceNotFound(q) && q.currency === order.currency) {
      return {
        unitPriceMinor: q.unitPriceMinor,
        agreedPriceMinor: q.unitPriceMinor,
        explanation: { source: q.source, ...q.explanation, ...(q.floorMinor !== undefined ? { floorMinor: q.floorMinor } : {}) },
      };
    }
    if (stated === null) {
      const why = isPriceNotFound(q) ? q.error.message : `prices for ${l.device.code} are in ${q.currency}, the order is in ${order.currency}`;
      throw new DomainError('PRICE_NOT_FOUND', `lines.${i}: ${why}; give unitPriceMinor or add a price`, { field: `lines.${i}.unitPriceMinor` });
    }
    return {
      unitPriceMinor: stated,
      agreedPriceMinor: null,
      explanation: { source: 'buyer', en: 'the buyer’s stated price (no agreed price exists)', zh: '客户报价（无协议价格）' },
    };
  });
}
