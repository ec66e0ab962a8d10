import type { Database } from '../../db/types.ts';
import type { Actor } from '../../platform/actor.ts';
import { assertVisible } from '../../platform/org-scope.ts';
import { readTx } from '../../platform/unit-of-work.ts';
import { loadPricingData } from './load-pricing-data.ts';
import { quoteLines } from './quote-line.ts';
import { isPriceNotFound, type Channel, type LineQuote, type PriceNotFound, type QuoteOutcome } from './types.ts';

export interface QuoteRequestInput {
  customerId: string;
  channel?: Channel | null;
  /** 'YYYY-MM-DD'; today (server time zone) by default */
  date?: string;
  lines: ReadonlyArray<{ deviceId: string; quantity: number }>;
}

/** A quote as an organisation-scoped actor sees it: without the seller's floor. */
export type PortalQuote = Omit<LineQuote, 'belowFloor' | 'floorMinor'>;

export type QuotedLine = { lineNo: number; deviceId: string; quantity: number } & (LineQuote | PortalQuote | PriceNotFound);

export interface QuoteResult {
  customerId: string;
  currency: string;
  date: string;
  channel: Channel | null;
  lines: QuotedLine[];
}

export const localDate = (d: Date = new Date()): string =>
  `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;

/** The floor is the seller's business: organisation-scoped actors get quotes without it. */
function forActor(actor: Actor, outcome: QuoteOutcome): LineQuote | PortalQuote | PriceNotFound {
  if (actor.organisationId === null || isPriceNotFound(outcome)) return outcome;
  const { belowFloor: _below, floorMinor: _floor, ...rest } = outcome;
  return rest;
}

/**
 * Quotes every line of a request with one load of pricing data. A line nothing prices carries a
 * PRICE_NOT_FOUND error instead of a price; the other lines are still quoted. A hospital portal
 * user may quote only for its own organisation: any other customer is reported as not found.
 */
export async function quote(db: Database, actor: Actor, req: QuoteRequestInput): Promise<QuoteResult> {
  assertVisible(actor, req.customerId, 'customer', req.customerId);
  const date = req.date ?? localDate();
  const channel = req.channel ?? null;
  return readTx(db, async (tx) => {
    const data = await loadPricingData(tx, { customerId: req.customerId, deviceIds: req.lines.map((l) => l.deviceId), date, channel });
    const outcomes = quoteLines(req.lines.map((l) => ({ ...l, date, channel })), data);
    return {
      customerId: req.customerId,
      currency: data.customer.currency,
      date,
      channel,
      lines: outcomes.map((o, i) => ({ lineNo: i + 1, deviceId: req.lines[i]!.deviceId, quantity: req.lines[i]!.quantity, ...forActor(actor, o) })),
    };
  });
}
