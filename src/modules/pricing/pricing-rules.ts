import { invalid } from '../../platform/errors.ts';
import { percentToBp } from './money.ts';
import type { PriceBreakInput } from './price-list-schemas.ts';

/** Checks the schemas cannot express; each names the field at fault. */
export function checkValidity(validFrom: string, validTo: string | null | undefined, prefix = ''): void {
  if (validTo !== null && validTo !== undefined && validTo < validFrom) {
    throw invalid(`${prefix}validTo`, `the last valid day ${validTo} is before the first ${validFrom}`);
  }
}

export function checkBreaks(breaks: readonly PriceBreakInput[] | undefined, prefix = ''): void {
  const seen = new Set<number>();
  for (const [i, b] of (breaks ?? []).entries()) {
    if (seen.has(b.minQuantity)) throw invalid(`${prefix}breaks.${i}.minQuantity`, `a break at ${b.minQuantity} units appears twice`);
    seen.add(b.minQuantity);
  }
}

/** A device appears once per list or contract: two prices for it would be ambiguous. */
export function checkDistinctDevices(rows: ReadonlyArray<{ deviceId: string }> | undefined, prefix: string): void {
  const seen = new Set<string>();
  for (const [i, r] of (rows ?? []).entries()) {
    if (seen.has(r.deviceId)) throw invalid(`${prefix}.${i}.deviceId`, `device ${r.deviceId} appears twice`);
    seen.add(r.deviceId);
  }
}

/**
 * The discount in basis points from either `discountBp` or `discountPercent` ("8.5"); undefined
 * when neither is given, null when the discount is cleared.
 */
export function discountBpOf(input: { discountBp?: number | null; discountPercent?: string }): number | null | undefined {
  if (input.discountPercent === undefined) return input.discountBp;
  if (input.discountBp !== undefined) throw invalid('discountPercent', 'give discountBp or discountPercent, not both');
  const bp = percentToBp(input.discountPercent);
  if (bp === null) throw invalid('discountPercent', 'a percentage from 0 to 100 with at most two decimals');
  return bp;
}

/** A contract must price something, and names a list only to limit its discount to it. */
export function checkContractTerms(c: { discountBp: number | null; priceListId: string | null; priceCount: number }): void {
  if (c.priceListId !== null && c.discountBp === null) {
    throw invalid('priceListId', 'a price list is named only to limit a discount to it; give discountBp or discountPercent');
  }
  if (c.discountBp === null && c.priceCount === 0) {
    throw invalid('prices', 'a contract needs device prices, a discount, or both');
  }
}
