/** Integer money arithmetic: minor units and basis points, never a float on the way. */

const BP_PER_WHOLE = 10_000n;

/**
 * The price after a discount of `bp` basis points, rounded half-up to the minor unit. BigInt keeps
 * the intermediate product exact however large the price.
 */
export function applyDiscountBp(priceMinor: number, bp: number): number {
  const scaled = BigInt(priceMinor) * (BP_PER_WHOLE - BigInt(bp));
  return Number((scaled + BP_PER_WHOLE / 2n) / BP_PER_WHOLE);
}

const PERCENT = /^(\d{1,3})(?:\.(\d{1,2}))?$/;

/** '8.5' → 850. Returns null for anything that is not a percentage from 0 to 100 with ≤ 2 decimals. */
export function percentToBp(percent: string): number | null {
  const m = PERCENT.exec(percent);
  if (!m) return null;
  const bp = Number(m[1]) * 100 + Number((m[2] ?? '').padEnd(2, '0'));
  return bp <= 10_000 ? bp : null;
}

/** 850 → '8.50' */
export const bpToPercent = (bp: number): string => `${Math.trunc(bp / 100)}.${String(bp % 100).padStart(2, '0')}`;

// Kept per currency: building an Intl.NumberFormat on every call showed in the intake profile.
const exponents = new Map<string, number>();

/** Digits after the decimal point of an ISO 4217 currency (CNY 2, JPY 0, KWD 3). */
export function currencyExponent(currency: string): number {
  let exp = exponents.get(currency);
  if (exp === undefined) {
    exp = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
    exponents.set(currency, exp);
  }
  return exp;
}

/** 123456 CNY → '1234.56'; formatted from the integer's digits, so no rounding can creep in. */
export function formatMinor(minor: number, currency: string): string {
  const exp = currencyExponent(currency);
  if (exp === 0) return String(minor);
  const digits = String(minor).padStart(exp + 1, '0');
  return `${digits.slice(0, -exp)}.${digits.slice(-exp)}`;
}
