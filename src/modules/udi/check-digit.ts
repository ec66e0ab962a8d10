import { DomainError, invalid } from '../../platform/errors.ts';
import { CSET82, isInCharset } from './charsets.ts';

/**
 * Check digits and check characters of the GS1 and HIBCC schemes. Pure functions over strings;
 * the master-data module imports `isValidGtin` and `normaliseGtin` from here.
 */

const DIGITS = /^\d+$/;

/**
 * The GS1 mod-10 check digit of a numeric key body (GTIN, SSCC, GLN, GSIN, GSRN … without their
 * check digit): weights 3 and 1 alternate from the rightmost digit (GS1 General Specifications 7.9.1).
 */
export function gs1CheckDigit(body: string): number {
  if (!DIGITS.test(body)) throw new RangeError(`GS1 key body must be digits, got "${body}"`);
  let sum = 0;
  for (let i = body.length - 1, weight = 3; i >= 0; i--, weight = 4 - weight) {
    sum += (body.charCodeAt(i) - 48) * weight;
  }
  return (10 - (sum % 10)) % 10;
}

/** True when `key` is all digits and its last digit is the GS1 check digit of the rest. */
export function hasValidGs1CheckDigit(key: string): boolean {
  return key.length >= 2 && DIGITS.test(key) && gs1CheckDigit(key.slice(0, -1)) === Number(key.at(-1));
}

const GTIN_LENGTHS = new Set([8, 12, 13, 14]);

/** A GTIN-8, GTIN-12 (UPC-A), GTIN-13 (EAN-13) or GTIN-14 with a correct check digit. */
export function isValidGtin(gtin: string): boolean {
  return GTIN_LENGTHS.has(gtin.length) && hasValidGs1CheckDigit(gtin);
}

/**
 * The GTIN-14 form of any valid GTIN, left-padded with zeros: the form AI (01) carries and the
 * one Lotline stores as UDI-DI. Throws VALIDATION_FAILED (field "gtin") for anything else.
 */
export function normaliseGtin(gtin: string): string {
  if (!isValidGtin(gtin)) {
    throw invalid('gtin', `"${gtin}" is not a GTIN-8/12/13/14 with a valid check digit`);
  }
  return gtin.padStart(14, '0');
}

// --- GS1 alphanumeric check character pair (AI 8013 GMN, 8014 MUDI; GenSpecs 7.9.5) -----------

const CSET32 = '23456789ABCDEFGHJKLMNPQRSTUVWXYZ';
/** Weights are the primes, the smallest on the rightmost character; 97 cover the longest AI. */
const PRIMES = firstPrimes(97);

function firstPrimes(count: number): number[] {
  const primes: number[] = [];
  for (let n = 2; primes.length < count; n++) {
    if (primes.every((p) => n % p !== 0)) primes.push(n);
  }
  return primes;
}

/** The two check characters GS1 appends to an alphanumeric key body (CSET 82 characters). */
export function gs1CheckCharacterPair(body: string): string {
  if (body.length > PRIMES.length) throw new RangeError(`alphanumeric key body longer than ${PRIMES.length}`);
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    const value = CSET82.indexOf(body.charAt(i));
    if (value < 0) throw new RangeError(`"${body.charAt(i)}" is not in GS1 character set 82`);
    sum += value * PRIMES[body.length - 1 - i]!;
  }
  sum %= 1021;
  return CSET32.charAt(sum >> 5) + CSET32.charAt(sum & 31);
}

/** True when the last two characters of `key` are the GS1 check character pair of the rest. */
export function hasValidGs1CheckPair(key: string): boolean {
  const body = key.slice(0, -2);
  return key.length >= 2 && isInCharset(body, 'X') && gs1CheckCharacterPair(body) === key.slice(-2);
}

// --- HIBCC mod-43 check character (ANSI/HIBC 2.6, the Code 39 character set) ------------------

/** Characters in mod-43 value order: 0-9 = 0-9, A-Z = 10-35, then - . space $ / + % = 36-42. */
export const HIBCC_CHARSET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ-. $/+%';

/**
 * The HIBCC check character of everything before it in the symbol: the leading '+', primary and
 * secondary data, the '/' between them and, in a separate secondary symbol, the link character.
 */
export function hibccCheckChar(data: string): string {
  let sum = 0;
  for (const c of data) {
    const value = HIBCC_CHARSET.indexOf(c);
    if (value < 0) {
      throw new DomainError('SCAN_BAD_CHARSET', `"${c}" is not an HIBCC character`, { field: 'hibcc' });
    }
    sum += value;
  }
  return HIBCC_CHARSET.charAt(sum % 43);
}
