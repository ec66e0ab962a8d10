import { gs1CheckDigit } from '../modules/udi/check-digit.ts';

/** The fictitious GS1 company prefix of the demo (690–699 is GS1 China). */
const DEMO_COMPANY_PREFIX = '6901234';

/** A 13-digit GS1 key under the demo prefix: reference + check digit. */
const key13 = (ref: number): string => {
  const body = `${DEMO_COMPANY_PREFIX}${String(ref).padStart(5, '0')}`;
  return `${body}${gs1CheckDigit(body)}`;
};

/**
 * The GTIN of demo item `itemRef` (10000–99999): GTIN-13 for the unit of use, GTIN-14 with
 * packaging indicator 1–8 for boxes and cases, as GS1 allocates them.
 */
export function demoGtin(itemRef: number, indicator = 0): string {
  if (indicator === 0) return key13(itemRef);
  const body = `${indicator}${key13(itemRef).slice(0, 12)}`;
  return `${body}${gs1CheckDigit(body)}`;
}

/** The GLN of demo location `ref` (1–9999): hospitals', distributors' and suppliers' sites. */
export const demoGln = (ref: number): string => key13(ref);
