import { currencyExponent } from '../pricing/money.ts';

const DECIMAL = /^(\d{1,15})(?:\.(\d{1,12}))?$/;

export interface MinorAmount {
  minor: number;
  /** False when the amount had to be rounded (more decimals than the currency has, or a division that leaves a rest). */
  exact: boolean;
}

/**
 * An EDI price ('125.00', '0.855', '12') as integer minor units of `currency`, per one of `per`
 * units inside the priced unit (a box price of a box of 20, per = 20, gives the price of one).
 * BigInt all the way and one half-up rounding at the end, so no float ever touches the money.
 * Null when `decimal` is not a plain non-negative decimal.
 */
export function decimalToMinor(decimal: string, currency: string, per = 1): MinorAmount | null {
  const m = DECIMAL.exec(decimal.trim());
  if (!m || !Number.isSafeInteger(per) || per < 1) return null;
  const fraction = m[2] ?? '';
  const numerator = BigInt(`${m[1]}${fraction}`) * 10n ** BigInt(currencyExponent(currency));
  const denominator = 10n ** BigInt(fraction.length) * BigInt(per);
  const quotient = numerator / denominator;
  const rest = numerator % denominator;
  const minor = rest * 2n >= denominator ? quotient + 1n : quotient;
  if (minor > BigInt(Number.MAX_SAFE_INTEGER)) return null;
  return { minor: Number(minor), exact: rest === 0n };
}
